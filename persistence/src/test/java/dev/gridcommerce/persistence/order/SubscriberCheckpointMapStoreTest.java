package dev.gridcommerce.persistence.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriberCheckpointMapStoreTest extends MapStoreContract<String, SubscriberCheckpoint> {

  private static final Instant LEASE = Instant.parse("2026-12-01T10:00:15.125Z");

  SubscriberCheckpointMapStoreTest() {
    super(SubscriberCheckpointMapStore::new, "event_subscriptions");
  }

  @Override
  protected Map.Entry<String, SubscriberCheckpoint> sample(int n) {
    return Map.entry("subscriber-" + n, new SubscriberCheckpoint(100L * n, "instance-" + n, LEASE));
  }

  @Test
  void aLateWriteOfAnOlderPositionNeverTakesASubscriberBack() {
    store.store("email", new SubscriberCheckpoint(40, "a", LEASE));

    store.store("email", new SubscriberCheckpoint(25, "b", LEASE));

    assertThat(store.load("email")).isEqualTo(new SubscriberCheckpoint(40, "b", LEASE));
  }
}
