package dev.gridcommerce.grid.order;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.gridcommerce.domain.order.OrderEventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the order event log in PostgreSQL through a grid member (API nodes have no database): each
 * page is a {@link ReadEventsTask} run on one member, with a timeout. A member that dies while
 * reading only fails that read; the next one goes to another member.
 */
final class OrderEventFeed {

  static final String EXECUTOR = "commerce-order-events";
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final IExecutorService members;

  OrderEventFeed(HazelcastInstance grid) {
    this.members = grid.getExecutorService(EXECUTOR);
  }

  List<OrderEventLog.Logged> after(long position, int limit) {
    return read(position, limit).events();
  }

  /** The position of the latest stored event. */
  long head() {
    return read(0, 0).head();
  }

  private EventPage read(long position, int limit) {
    try {
      return members
          .submit(new ReadEventsTask(position, limit))
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading order events", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("reading order events failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no member read the order events within " + TIMEOUT, e);
    }
  }
}
