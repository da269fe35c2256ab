package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Holds {@code quantity} units of one stock entry for an order until {@code expiresAt}, taking
 * first what the shopper's cart holds ({@code fromHolder}, may be null), then available units. All
 * or nothing; idempotent by order id ({@link Stock#holdMoving}). See {@link StockChange} for the
 * thread it runs on and what the backup does.
 */
record HoldStockProcessor(String orderId, int quantity, Instant expiresAt, String fromHolder)
    implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.holdMoving(orderId, quantity, expiresAt, fromHolder);
  }

  static final class Serializer extends NamedSerializer<HoldStockProcessor> {

    Serializer() {
      super("commerce.HoldStockProcessor", HoldStockProcessor.class);
    }

    @Override
    public HoldStockProcessor read(CompactReader in) {
      return new HoldStockProcessor(
          in.readString("orderId"),
          in.readInt32("quantity"),
          instant(in.readInt64("expiresAt")),
          in.readString("fromHolder"));
    }

    @Override
    public void write(CompactWriter out, HoldStockProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt32("quantity", processor.quantity());
      out.writeInt64("expiresAt", millis(processor.expiresAt()));
      out.writeString("fromHolder", processor.fromHolder());
    }
  }
}
