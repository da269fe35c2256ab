package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Marks an order's units of one stock entry as sold: its held units, or available ones when the
 * hold is gone ({@link Stock#sell}). Idempotent. See {@link StockChange}.
 */
record SellProcessor(String orderId, int quantity) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.sell(orderId, quantity);
  }

  static final class Serializer extends NamedSerializer<SellProcessor> {

    Serializer() {
      super("commerce.SellProcessor", SellProcessor.class);
    }

    @Override
    public SellProcessor read(CompactReader in) {
      return new SellProcessor(in.readString("orderId"), in.readInt32("quantity"));
    }

    @Override
    public void write(CompactWriter out, SellProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt32("quantity", processor.quantity());
    }
  }
}
