package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Returns a holder's unpaid units of one stock entry to available stock and answers how many
 * ({@link Stock#release}); sold units are never released. See {@link StockChange}.
 */
record ReleaseHoldProcessor(String orderId) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.release(orderId);
  }

  static final class Serializer extends NamedSerializer<ReleaseHoldProcessor> {

    Serializer() {
      super("commerce.ReleaseHoldProcessor", ReleaseHoldProcessor.class);
    }

    @Override
    public ReleaseHoldProcessor read(CompactReader in) {
      return new ReleaseHoldProcessor(in.readString("orderId"));
    }

    @Override
    public void write(CompactWriter out, ReleaseHoldProcessor processor) {
      out.writeString("orderId", processor.orderId());
    }
  }
}
