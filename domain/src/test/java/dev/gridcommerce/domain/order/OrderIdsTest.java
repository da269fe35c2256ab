package dev.gridcommerce.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123Z");

  @Test
  void anIdIsAVersionSevenUuidThatTellsWhenItWasMade() {
    String id = OrderIds.next(NOW);

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(OrderIds.madeAt(id)).contains(NOW);
  }

  @Test
  void idsMadeInTheSameMillisecondDiffer() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(OrderIds.next(NOW));
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void otherIdsTellNothing() {
    assertThat(OrderIds.madeAt(UUID.randomUUID().toString())).isEmpty();
    assertThat(OrderIds.madeAt("order-1")).isEmpty();
  }

  @Test
  void onlyAnIdOlderThanTheWindowOrNotMadeHereMayBeStoredOnly() {
    String fresh = OrderIds.next(NOW);

    assertThat(OrderIds.mayBeStoredOnly(fresh, NOW.plusSeconds(60))).isFalse();
    assertThat(
            OrderIds.mayBeStoredOnly(
                fresh, NOW.plus(OrderIds.NEVER_ONLY_STORED_WITHIN).plusMillis(1)))
        .isTrue();
    assertThat(OrderIds.mayBeStoredOnly("order-1", NOW)).isTrue();
  }
}
