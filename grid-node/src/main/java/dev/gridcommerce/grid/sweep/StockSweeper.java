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
 * Runs the {@link StockSweep} every interval on the oldest member of the cluster (so one member
 * sweeps at a time, and another takes over when it leaves), on a daemon thread of its own. The
 * interval is the member property {@value #INTERVAL_PROPERTY} in {@code config/hazelcast-grid.yaml}
 * (default {@value #DEFAULT_INTERVAL_SECONDS} s): a hold whose order expired or was cancelled is
 * back in available stock within one interval.
 */
public final class StockSweeper {

  public static final String INTERVAL_PROPERTY = "commerce.sweep.interval.seconds";
  static final int DEFAULT_INTERVAL_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(StockSweeper.class);

  private StockSweeper() {}

  /** Starts sweeping for the member; stops when it shuts down. */
  public static void start(HazelcastInstance member) {
    String configured = member.getConfig().getProperty(INTERVAL_PROPERTY);
    Duration interval =
        Duration.ofSeconds(
            configured == null ? DEFAULT_INTERVAL_SECONDS : Long.parseLong(configured));
    StockSweep sweep = new StockSweep(new GridMaps(member), GridClock.system());
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "stock-sweeper");
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> sweepIfOldest(member, sweep),
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

  private static void sweepIfOldest(HazelcastInstance member, StockSweep sweep) {
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
    } catch (RuntimeException e) {
      // a member on the minority side of a split, or one shutting down, can't sweep; next time
      log.warn("Stock sweep skipped: {}", e.toString());
    }
  }
}
