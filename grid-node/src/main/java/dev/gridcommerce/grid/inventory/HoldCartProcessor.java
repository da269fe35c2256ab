package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Sets what a cart holds of one stock entry to exactly {@code quantity} units (0 lets go), for a
 * store that reserves on add-to-cart ({@link Stock#holdExactly}). See {@link StockChange}.
 */
record HoldCartProcessor(String holderId, int quantity, Instant expiresAt) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.holdExactly(holderId, quantity, expiresAt);
  }

  static final class Serializer extends NamedSerializer<HoldCartProcessor> {

    Serializer() {
      super("commerce.HoldCartProcessor", HoldCartProcessor.class);
    }

    @Override
    public HoldCartProcessor read(CompactReader in) {
      return new HoldCartProcessor(
          in.readString("holderId"), in.readInt32("quantity"), instant(in.readInt64("expiresAt")));
    }

    @Override
    public void write(CompactWriter out, HoldCartProcessor processor) {
      out.writeString("holderId", processor.holderId());
      out.writeInt32("quantity", processor.quantity());
      out.writeInt64("expiresAt", millis(processor.expiresAt()));
    }
  }
}
