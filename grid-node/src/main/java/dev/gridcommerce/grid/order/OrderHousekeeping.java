package dev.gridcommerce.grid.order;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.support.OnOldestMember;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OrderSweep}, then the {@link ClosedOrderEviction}, every interval on the oldest
 * member of the cluster ({@link OnOldestMember}): a hold whose order expired or was cancelled is
 * back in available stock within one interval.
 */
final class OrderHousekeeping {

  private static final Logger log = LoggerFactory.getLogger(OrderHousekeeping.class);

  private OrderHousekeeping() {}

  /** Starts sweeping for the member; stops when it shuts down. */
  static void start(
      HazelcastInstance member,
      OrderSweep sweep,
      ClosedOrderEviction eviction,
      Duration interval,
      Duration retention) {
    OnOldestMember.every(member, interval, "order sweep", () -> tidy(sweep, eviction, retention));
    log.info(
        "Order sweep every {} s on the oldest member; closed orders leave the grid after {} min",
        interval.toSeconds(),
        retention.toMinutes());
  }

  private static void tidy(OrderSweep sweep, ClosedOrderEviction eviction, Duration retention) {
    SweepReport report = sweep.run();
    if (report.didSomething()) {
      log.info(
          "Order sweep: {} orders expired, {} pending stock changes applied, {} abandoned holds released",
          report.expiredOrders(),
          report.settledOrders(),
          report.releasedHolds());
    }
    int evicted = eviction.run(retention);
    if (evicted > 0) {
      log.info("{} closed orders left the grid (they stay in PostgreSQL)", evicted);
    }
  }
}
