package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A stocktake: sets the units on hand to the count, if it was made against the current on-hand
 * version and covers the units promised to orders ({@link Stock#count}). See {@link
 * StaffStockChange}.
 */
record CountStockProcessor(
    String movementId,
    int counted,
    long expectedOnHandVersion,
    String note,
    String actor,
    Instant at)
    implements StaffStockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.count(movementId, counted, expectedOnHandVersion, note, actor, at);
  }

  static final class Serializer extends NamedSerializer<CountStockProcessor> {

    Serializer() {
      super("commerce.CountStockProcessor", CountStockProcessor.class);
    }

    @Override
    public CountStockProcessor read(CompactReader in) {
      return new CountStockProcessor(
          in.readString("movementId"),
          in.readInt32("counted"),
          in.readInt64("expectedOnHandVersion"),
          in.readString("note"),
          in.readString("actor"),
          instant(in.readInt64("at")));
    }

    @Override
    public void write(CompactWriter out, CountStockProcessor processor) {
      out.writeString("movementId", processor.movementId());
      out.writeInt32("counted", processor.counted());
      out.writeInt64("expectedOnHandVersion", processor.expectedOnHandVersion());
      out.writeString("note", processor.note());
      out.writeString("actor", processor.actor());
      out.writeInt64("at", millis(processor.at()));
    }
  }
}
