package dev.gridcommerce.api.grid;

import com.hazelcast.core.HazelcastInstance;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while this node can reach a running grid; part of the readiness probe. */
final class GridHealthIndicator implements HealthIndicator {

  private final HazelcastInstance hazelcast;

  GridHealthIndicator(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  @Override
  public Health health() {
    if (!hazelcast.getLifecycleService().isRunning()) {
      return Health.down().withDetail("reason", "grid connection is shut down").build();
    }
    try {
      int members = hazelcast.getCluster().getMembers().size();
      Health.Builder health = members > 0 ? Health.up() : Health.down();
      return health.withDetail("members", members).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", e.getClass().getSimpleName()).build();
    }
  }
}
