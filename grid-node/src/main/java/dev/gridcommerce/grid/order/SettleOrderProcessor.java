package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Marks an order's pending stock change as applied, if it is still the one named; a newer one is
 * left pending. See {@link OrderUpdate}.
 */
record SettleOrderProcessor(StockEffect applied) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.pendingStock() == applied && applied != StockEffect.NONE ? order.settled() : order;
  }

  static final class Serializer extends NamedSerializer<SettleOrderProcessor> {

    Serializer() {
      super("commerce.SettleOrderProcessor", SettleOrderProcessor.class);
    }

    @Override
    public SettleOrderProcessor read(CompactReader in) {
      return new SettleOrderProcessor(StockEffect.valueOf(in.readString("applied")));
    }

    @Override
    public void write(CompactWriter out, SettleOrderProcessor processor) {
      out.writeString("applied", processor.applied().name());
    }
  }
}
