package dev.gridcommerce.grid.order;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Reads a page of the order event log on a grid member, which alone talks to PostgreSQL: sent there
 * by a subscriber's {@link OrderEventFeed}, from a client or from a member. The member's orders
 * MapStore puts the log into the member's user context when it starts.
 */
final class ReadEventsTask implements Callable<EventPage>, HazelcastInstanceAware {

  static final String LOG_KEY = OrderEventLog.class.getName();

  private final long after;
  private final int limit;
  private transient HazelcastInstance member;

  ReadEventsTask(long after, int limit) {
    this.after = after;
    this.limit = limit;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance member) {
    this.member = member;
  }

  @Override
  public EventPage call() {
    OrderEventLog log = logOf(member);
    long head = log.head();
    return new EventPage(limit == 0 ? List.of() : log.after(after, limit), head);
  }

  /** The member's event log; the orders map is touched first, so that its MapStore is started. */
  static OrderEventLog logOf(HazelcastInstance member) {
    Object log = member.getUserContext().get(LOG_KEY);
    if (log == null) {
      new GridMaps(member).orders();
      log = member.getUserContext().get(LOG_KEY);
    }
    if (log == null) {
      throw new IllegalStateException(
          "order events are read from PostgreSQL, and this grid keeps its orders in memory only");
    }
    return (OrderEventLog) log;
  }

  static final class Serializer extends NamedSerializer<ReadEventsTask> {

    Serializer() {
      super("commerce.ReadOrderEventsTask", ReadEventsTask.class);
    }

    @Override
    public ReadEventsTask read(CompactReader in) {
      return new ReadEventsTask(in.readInt64("after"), in.readInt32("limit"));
    }

    @Override
    public void write(CompactWriter out, ReadEventsTask task) {
      out.writeInt64("after", task.after);
      out.writeInt32("limit", task.limit);
    }
  }
}
