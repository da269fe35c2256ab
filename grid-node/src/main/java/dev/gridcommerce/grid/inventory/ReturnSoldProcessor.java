package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Returns the sold units of a paid order, cancelled before dispatch, to available stock ({@link
 * Stock#returnSold}). Idempotent. See {@link StockChange}.
 */
record ReturnSoldProcessor(String orderId) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.returnSold(orderId);
  }

  static final class Serializer extends NamedSerializer<ReturnSoldProcessor> {

    Serializer() {
      super("commerce.ReturnSoldProcessor", ReturnSoldProcessor.class);
    }

    @Override
    public ReturnSoldProcessor read(CompactReader in) {
      return new ReturnSoldProcessor(in.readString("orderId"));
    }

    @Override
    public void write(CompactWriter out, ReturnSoldProcessor processor) {
      out.writeString("orderId", processor.orderId());
    }
  }
}
