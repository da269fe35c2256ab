package dev.gridcommerce.grid.inventory;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockLevels;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.Map;

/**
 * Read-only: answers the levels of a stock entry (null when there is none), so a read sends four
 * numbers back instead of the entry with all its holds. Changes nothing, has no backup.
 */
record ReadLevelsProcessor() implements EntryProcessor<StockKey, Stock, StockLevels>, ReadOnly {

  @Override
  public StockLevels process(Map.Entry<StockKey, Stock> entry) {
    Stock stock = entry.getValue();
    return stock == null ? null : stock.levels();
  }

  @Override
  public EntryProcessor<StockKey, Stock, StockLevels> getBackupProcessor() {
    return null;
  }

  static final class Serializer extends NamedSerializer<ReadLevelsProcessor> {

    Serializer() {
      super("commerce.ReadLevelsProcessor", ReadLevelsProcessor.class);
    }

    @Override
    public ReadLevelsProcessor read(CompactReader in) {
      return new ReadLevelsProcessor();
    }

    @Override
    public void write(CompactWriter out, ReadLevelsProcessor processor) {}
  }
}
