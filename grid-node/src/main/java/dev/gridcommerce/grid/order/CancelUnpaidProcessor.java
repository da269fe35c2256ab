package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * The provider cancelled the order's payment {@code intent}, so nobody can pay it any more: an
 * order still unpaid by that intent is cancelled (its held units released) with {@code note}; any
 * other order is left as it is. See {@link OrderUpdate}.
 */
record CancelUnpaidProcessor(PaymentReference intent, Instant now, String eventId, String note)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.status() == OrderStatus.PENDING_PAYMENT && intent.equals(order.payment())
        ? order.movedTo(OrderStatus.CANCELLED, now, eventId, note)
        : order;
  }

  static final class Serializer extends NamedSerializer<CancelUnpaidProcessor> {

    Serializer() {
      super("commerce.CancelUnpaidProcessor", CancelUnpaidProcessor.class);
    }

    @Override
    public CancelUnpaidProcessor read(CompactReader in) {
      return new CancelUnpaidProcessor(
          OrderSerializers.payment(in),
          instant(in.readInt64("now")),
          in.readString("eventId"),
          in.readString("note"));
    }

    @Override
    public void write(CompactWriter out, CancelUnpaidProcessor processor) {
      OrderSerializers.payment(out, processor.intent());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
      out.writeString("note", processor.note());
    }
  }
}
