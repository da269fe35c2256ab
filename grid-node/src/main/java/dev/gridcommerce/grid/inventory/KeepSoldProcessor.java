package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Keeps only {@code units} of an order's sold units of one stock entry, the rest back to available
 * stock ({@link Stock#keepSold}): a line short at picking. Idempotent. See {@link StockChange}.
 */
record KeepSoldProcessor(String orderId, int units) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.keepSold(orderId, units);
  }

  static final class Serializer extends NamedSerializer<KeepSoldProcessor> {

    Serializer() {
      super("commerce.KeepSoldProcessor", KeepSoldProcessor.class);
    }

    @Override
    public KeepSoldProcessor read(CompactReader in) {
      return new KeepSoldProcessor(in.readString("orderId"), in.readInt32("units"));
    }

    @Override
    public void write(CompactWriter out, KeepSoldProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt32("units", processor.units());
    }
  }
}
