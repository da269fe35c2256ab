package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.IllegalTransitionException;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.time.Instant;

/**
 * A payment on time: an unpaid order becomes paid, with the sale of its held units pending; a paid
 * one is left as it is. Any other order (expired, cancelled, further along) is refused, and the
 * payment takes another path ({@link OrderPayments}). See {@link OrderUpdate}.
 */
public record PayProcessor(Instant now) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return switch (order.status()) {
      case PENDING_PAYMENT -> order.movedTo(OrderStatus.PAID, now);
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
      return new PayProcessor(instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, PayProcessor processor) {
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
