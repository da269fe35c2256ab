package dev.gridcommerce.persistence.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutAttemptMapStoreTest extends MapStoreContract<String, CheckoutAttempt> {

  private static final Instant LEASE = Instant.parse("2026-11-21T12:00:30.250Z");

  CheckoutAttemptMapStoreTest() {
    super(
        database -> new CheckoutAttemptMapStore(database, Duration.ofDays(1)), "checkout_attempts");
  }

  @Override
  protected Map.Entry<String, CheckoutAttempt> sample(int n) {
    CheckoutAttempt attempt =
        n % 2 == 0
            ? new CheckoutAttempt(
                "hash-" + n,
                "order-" + n,
                "token-" + n,
                CheckoutAttempt.State.PLACED,
                LEASE,
                List.of())
            : new CheckoutAttempt(
                "hash-" + n,
                "order-" + n,
                "token-" + n,
                CheckoutAttempt.State.SHORT,
                LEASE,
                List.of(new ShortLine("FRU-00001", 3, 1), new ShortLine("DAI-00002", 2, 0)));
    return Map.entry("shopper-" + n + "\nkey-" + n, attempt);
  }

  @Test
  void anAttemptOlderThanItsTimeToLiveLoadsAsAbsent() {
    Map.Entry<String, CheckoutAttempt> entry = sample(1_000);
    store.store(entry.getKey(), entry.getValue());
    db.database()
        .jdbc()
        .update(
            "UPDATE checkout_attempts SET stored_at = now() - interval '25 hours' WHERE attempt_key = ?",
            entry.getKey());

    assertThat(store.load(entry.getKey())).isNull();
  }
}
