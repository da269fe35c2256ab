package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Moves everything one holder holds unpaid to another ({@link Stock#moveHeld}). See {@link
 * StockChange}.
 */
record MoveHeldProcessor(String fromHolder, String toHolder, Instant expiresAt)
    implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.moveHeld(fromHolder, toHolder, expiresAt);
  }

  static final class Serializer extends NamedSerializer<MoveHeldProcessor> {

    Serializer() {
      super("commerce.MoveHeldProcessor", MoveHeldProcessor.class);
    }

    @Override
    public MoveHeldProcessor read(CompactReader in) {
      return new MoveHeldProcessor(
          in.readString("fromHolder"),
          in.readString("toHolder"),
          instant(in.readInt64("expiresAt")));
    }

    @Override
    public void write(CompactWriter out, MoveHeldProcessor processor) {
      out.writeString("fromHolder", processor.fromHolder());
      out.writeString("toHolder", processor.toHolder());
      out.writeInt64("expiresAt", millis(processor.expiresAt()));
    }
  }
}
