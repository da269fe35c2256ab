package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Makes the order refunded because {@code payment} arrived when it couldn't be kept ({@link
 * Order#refundDue}); an order refunded already is left as it is. See {@link OrderUpdate}.
 */
record RefundDueProcessor(PaymentReference payment, Instant now, String eventId, String note)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.status() == OrderStatus.REFUNDED
        ? order
        : order.refundDue(payment, now, eventId, note);
  }

  static final class Serializer extends NamedSerializer<RefundDueProcessor> {

    Serializer() {
      super("commerce.RefundDueProcessor", RefundDueProcessor.class);
    }

    @Override
    public RefundDueProcessor read(CompactReader in) {
      return new RefundDueProcessor(
          OrderSerializers.payment(in),
          instant(in.readInt64("now")),
          in.readString("eventId"),
          in.readString("note"));
    }

    @Override
    public void write(CompactWriter out, RefundDueProcessor processor) {
      OrderSerializers.payment(out, processor.payment());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
      out.writeString("note", processor.note());
    }
  }
}
