package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.time.Instant;

/**
 * Moves an order to {@code to} if its state machine allows it, recording the stock change the move
 * asks for as pending. Asking for the status the order already has changes nothing, so a retried
 * request is harmless. See {@link OrderUpdate}.
 */
public record MoveOrderProcessor(OrderStatus to, Instant now) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.status() == to ? order : order.movedTo(to, now);
  }

  static final class Serializer extends NamedSerializer<MoveOrderProcessor> {

    Serializer() {
      super("commerce.MoveOrderProcessor", MoveOrderProcessor.class);
    }

    @Override
    public MoveOrderProcessor read(CompactReader in) {
      return new MoveOrderProcessor(
          OrderStatus.valueOf(in.readString("to")), instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, MoveOrderProcessor processor) {
      out.writeString("to", processor.to().name());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
