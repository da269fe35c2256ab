package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Makes an expired order paid by {@code payment} once every line's units have been sold to it
 * ({@link Order#paidLate}); an order already paid is left as it is. See {@link OrderUpdate}.
 */
record PayLateProcessor(PaymentReference payment, Instant now, String eventId)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.status() == OrderStatus.PAID ? order : order.paidLate(payment, now, eventId);
  }

  static final class Serializer extends NamedSerializer<PayLateProcessor> {

    Serializer() {
      super("commerce.PayLateProcessor", PayLateProcessor.class);
    }

    @Override
    public PayLateProcessor read(CompactReader in) {
      return new PayLateProcessor(
          OrderSerializers.payment(in), instant(in.readInt64("now")), in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, PayLateProcessor processor) {
      OrderSerializers.payment(out, processor.payment());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
