package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/**
 * A page of the order event log, as a member sends it to the subscriber that asked, with the log's
 * head (its latest position) when it was read.
 */
record EventPage(List<OrderEventLog.Logged> events, long head) {

  EventPage {
    events = List.copyOf(events);
  }

  static final class Serializer extends NamedSerializer<EventPage> {

    Serializer() {
      super("commerce.OrderEventPage", EventPage.class);
    }

    @Override
    public EventPage read(CompactReader in) {
      return new EventPage(
          List.of(in.readArrayOfCompact("events", OrderEventLog.Logged.class)),
          in.readInt64("head"));
    }

    @Override
    public void write(CompactWriter out, EventPage page) {
      out.writeArrayOfCompact("events", page.events().toArray(OrderEventLog.Logged[]::new));
      out.writeInt64("head", page.head());
    }
  }
}
