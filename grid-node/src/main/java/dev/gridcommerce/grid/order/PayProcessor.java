package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.IllegalTransitionException;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A payment on time: an unpaid order becomes paid by {@code payment}, with the sale of its held
 * units pending; a paid one is left as it is. Any other order (expired, cancelled, further along)
 * is refused, and the payment takes another path ({@link OrderPayments}). See {@link OrderUpdate}.
 */
record PayProcessor(PaymentReference payment, Instant now, String eventId) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return switch (order.status()) {
      case PENDING_PAYMENT -> order.paid(payment, now, eventId);
      case PAID -> order;
      default -> throw new IllegalTransitionException(order.status(), OrderStatus.PAID);
    };
  }

  static final class Serializer extends NamedSerializer<PayProcessor> {

    Serializer() {
      super("commerce.PayProcessor", PayProcessor.class);
    }

    @Override
    public PayProcessor read(CompactReader in) {
      return new PayProcessor(
          OrderSerializers.payment(in), instant(in.readInt64("now")), in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, PayProcessor processor) {
      OrderSerializers.payment(out, processor.payment());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
