package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Expires an order that is still unpaid past its expiry at {@code now}, with the event {@code
 * eventId}; any other order is left as it is (a payment that got in first wins). See {@link
 * OrderUpdate}.
 */
record ExpireIfDueProcessor(Instant now, String eventId) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.isDueToExpire(now) ? order.movedTo(OrderStatus.EXPIRED, now, eventId) : order;
  }

  static final class Serializer extends NamedSerializer<ExpireIfDueProcessor> {

    Serializer() {
      super("commerce.ExpireIfDueProcessor", ExpireIfDueProcessor.class);
    }

    @Override
    public ExpireIfDueProcessor read(CompactReader in) {
      return new ExpireIfDueProcessor(instant(in.readInt64("now")), in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, ExpireIfDueProcessor processor) {
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
