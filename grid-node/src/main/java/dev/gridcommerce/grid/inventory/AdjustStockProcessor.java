package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A staff receipt ({@code delta > 0}) or write-off ({@code delta < 0}) with its reason ({@link
 * Stock#adjust}); refused when available stock would go below zero, recorded once per movement id.
 * See {@link StaffStockChange}.
 */
record AdjustStockProcessor(
    String movementId, int delta, MovementReason reason, String note, String actor, Instant at)
    implements StaffStockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.adjust(movementId, delta, reason, note, actor, at);
  }

  static final class Serializer extends NamedSerializer<AdjustStockProcessor> {

    Serializer() {
      super("commerce.AdjustStockProcessor", AdjustStockProcessor.class);
    }

    @Override
    public AdjustStockProcessor read(CompactReader in) {
      return new AdjustStockProcessor(
          in.readString("movementId"),
          in.readInt32("delta"),
          MovementReason.valueOf(in.readString("reason")),
          in.readString("note"),
          in.readString("actor"),
          instant(in.readInt64("at")));
    }

    @Override
    public void write(CompactWriter out, AdjustStockProcessor processor) {
      out.writeString("movementId", processor.movementId());
      out.writeInt32("delta", processor.delta());
      out.writeString("reason", processor.reason().name());
      out.writeString("note", processor.note());
      out.writeString("actor", processor.actor());
      out.writeInt64("at", millis(processor.at()));
    }
  }
}
