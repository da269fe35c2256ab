package dev.gridcommerce.grid.support;

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
 * A task every interval on the oldest member of the cluster only (so one member runs it at a time,
 * and another takes over when it leaves), on a daemon thread of its own, until this member shuts
 * down. A run that fails (a member on the minority side of a split, or one shutting down) is logged
 * and skipped; the next interval tries again.
 */
public final class OnOldestMember implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OnOldestMember.class);

  private final ScheduledExecutorService timer;

  private OnOldestMember(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /**
   * @param what names the task in the log and its thread
   */
  public static OnOldestMember every(
      HazelcastInstance member, Duration interval, String what, Runnable task) {
    return every(member, interval, what, task, () -> {});
  }

  /**
   * The same, and {@code elsewhere} every interval on each other member (one that was the oldest
   * and no longer is, after a split healed, lets go of what it did as the oldest).
   */
  public static OnOldestMember every(
      HazelcastInstance member, Duration interval, String what, Runnable task, Runnable elsewhere) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, what.replace(' ', '-'));
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> runIfOldest(member, what, task, elsewhere),
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
    return new OnOldestMember(timer);
  }

  private static void runIfOldest(
      HazelcastInstance member, String what, Runnable task, Runnable elsewhere) {
    try {
      Member oldest = member.getCluster().getMembers().iterator().next();
      if (oldest.localMember()) {
        task.run();
      } else {
        elsewhere.run();
      }
    } catch (RuntimeException e) {
      log.warn("{} skipped: {}", what, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
