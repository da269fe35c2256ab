package dev.gridcommerce.grid.order;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OrderSweep}, then the {@link ClosedOrderEviction}, every interval on the oldest
 * member of the cluster (so one member sweeps at a time, and another takes over when it leaves), on
 * a daemon thread of its own: a hold whose order expired or was cancelled is back in available
 * stock within one interval.
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
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "order-sweeper");
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> sweepIfOldest(member, sweep, eviction, retention),
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    member
        .getLifecycleService()
        .addLifecycleListener(event -> {
          if (event.getState() == LifecycleState.SHUTTING_DOWN) {
            timer.shutdownNow();
          }
        });
    log.info(
        "Order sweep every {} s on the oldest member; closed orders leave the grid after {} min",
        interval.toSeconds(),
        retention.toMinutes());
  }

  private static void sweepIfOldest(
      HazelcastInstance member,
      OrderSweep sweep,
      ClosedOrderEviction eviction,
      Duration retention) {
    try {
      Member oldest = member.getCluster().getMembers().iterator().next();
      if (!oldest.localMember()) {
        return;
      }
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
    } catch (RuntimeException e) {
      // a member on the minority side of a split, or one shutting down, can't sweep; next time
      log.warn("Order sweep skipped: {}", e.toString());
    }
  }
}
