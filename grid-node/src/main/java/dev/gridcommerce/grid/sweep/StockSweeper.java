package dev.gridcommerce.grid.sweep;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.gridcommerce.grid.GridClock;
import dev.gridcommerce.grid.GridMaps;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link StockSweep}, then the {@link ClosedOrderEviction}, every interval on the oldest
 * member of the cluster (so one member sweeps at a time, and another takes over when it leaves), on
 * a daemon thread of its own. The interval is the member property {@value #INTERVAL_PROPERTY} in
 * {@code config/hazelcast-grid.yaml} (default {@value #DEFAULT_INTERVAL_SECONDS} s): a hold whose
 * order expired or was cancelled is back in available stock within one interval.
 */
public final class StockSweeper {

  public static final String INTERVAL_PROPERTY = "commerce.sweep.interval.seconds";
  public static final String RETENTION_PROPERTY = "commerce.orders.closed-retention.minutes";
  static final int DEFAULT_INTERVAL_SECONDS = 5;
  static final int DEFAULT_RETENTION_MINUTES = 60;

  private static final Logger log = LoggerFactory.getLogger(StockSweeper.class);

  private StockSweeper() {}

  /** Starts sweeping for the member; stops when it shuts down. */
  public static void start(HazelcastInstance member) {
    String configured = member.getConfig().getProperty(INTERVAL_PROPERTY);
    Duration interval =
        Duration.ofSeconds(
            configured == null ? DEFAULT_INTERVAL_SECONDS : Long.parseLong(configured));
    String retention = member.getConfig().getProperty(RETENTION_PROPERTY);
    GridMaps maps = new GridMaps(member);
    StockSweep sweep = new StockSweep(maps, GridClock.system());
    ClosedOrderEviction eviction =
        new ClosedOrderEviction(
            maps,
            GridClock.system(),
            Duration.ofMinutes(
                retention == null ? DEFAULT_RETENTION_MINUTES : Long.parseLong(retention)));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "stock-sweeper");
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> sweepIfOldest(member, sweep, eviction),
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
    log.info("Stock sweep every {} s on the oldest member", interval.toSeconds());
  }

  private static void sweepIfOldest(
      HazelcastInstance member, StockSweep sweep, ClosedOrderEviction eviction) {
    try {
      Member oldest = member.getCluster().getMembers().iterator().next();
      if (!oldest.localMember()) {
        return;
      }
      StockSweep.Report report = sweep.run();
      if (report.didSomething()) {
        log.info(
            "Stock sweep: {} orders expired, {} pending stock changes applied, {} abandoned holds released",
            report.expiredOrders(),
            report.settledOrders(),
            report.releasedHolds());
      }
      int evicted = eviction.run();
      if (evicted > 0) {
        log.info("{} closed orders left the grid (they stay in PostgreSQL)", evicted);
      }
    } catch (RuntimeException e) {
      // a member on the minority side of a split, or one shutting down, can't sweep; next time
      log.warn("Stock sweep skipped: {}", e.toString());
    }
  }
}
