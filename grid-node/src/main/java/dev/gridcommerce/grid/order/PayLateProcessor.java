package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.time.Instant;

/**
 * Makes an expired order paid once every line's units have been sold to it ({@link
 * Order#paidLate}); an order already paid is left as it is. See {@link OrderUpdate}.
 */
public record PayLateProcessor(Instant now) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.status() == dev.gridcommerce.domain.order.OrderStatus.PAID
        ? order
        : order.paidLate(now);
  }

  static final class Serializer extends NamedSerializer<PayLateProcessor> {

    Serializer() {
      super("commerce.PayLateProcessor", PayLateProcessor.class);
    }

    @Override
    public PayLateProcessor read(CompactReader in) {
      return new PayLateProcessor(instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, PayLateProcessor processor) {
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
