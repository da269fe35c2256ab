package dev.gridcommerce.persistence.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.persistence.Database;
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

  @Override
  protected boolean loadsMisses() {
    return false;
  }

  @Test
  void anAttemptOlderThanItsTimeToLiveNeitherLoadsNorIsListedForTheStart() {
    Map.Entry<String, CheckoutAttempt> old = sample(1_000);
    Map.Entry<String, CheckoutAttempt> young = sample(1_001);
    store.store(old.getKey(), old.getValue());
    store.store(young.getKey(), young.getValue());
    db.database()
        .jdbc()
        .update(
            "UPDATE checkout_attempts SET stored_at = now() - interval '25 hours' WHERE attempt_key = ?",
            old.getKey());

    assertThat(store.loadAllKeys()).contains(young.getKey()).doesNotContain(old.getKey());
    assertThat(store.loadAll(List.of(old.getKey(), young.getKey())))
        .containsOnlyKeys(young.getKey());
  }

  @Test
  void aKeyTheGridMissesIsNewWithoutAQueryEvenWithTheDatabaseDown() {
    Map.Entry<String, CheckoutAttempt> stored = sample(2_000);
    store.store(stored.getKey(), stored.getValue());
    Database closed = Database.open(db.settings());
    closed.close(); // any query through it would now fail
    CheckoutAttemptMapStore overClosed = new CheckoutAttemptMapStore(closed, Duration.ofDays(1));

    assertThat(overClosed.load("shopper-new\nkey-new")).isNull();
    assertThat(overClosed.load(stored.getKey())).isNull();
  }
}
