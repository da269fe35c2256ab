package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * An order's sold units of one stock entry leave the store with the courier ({@link
 * Stock#dispatch}), recorded in the ledger once under the movement id {@code dispatch:<orderId>}.
 * See {@link StockChange}.
 */
record DispatchProcessor(String orderId, Instant at) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.dispatch(orderId, "dispatch:" + orderId, at);
  }

  static final class Serializer extends NamedSerializer<DispatchProcessor> {

    Serializer() {
      super("commerce.DispatchProcessor", DispatchProcessor.class);
    }

    @Override
    public DispatchProcessor read(CompactReader in) {
      return new DispatchProcessor(in.readString("orderId"), instant(in.readInt64("at")));
    }

    @Override
    public void write(CompactWriter out, DispatchProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt64("at", millis(processor.at()));
    }
  }
}
