package dev.gridcommerce.grid.inventory;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * Read-only: answers the holders of one stock entry's unpaid holds that expired at {@code cutoff},
 * as an array of ids, or null when there are none (so a sweep over every entry brings back only the
 * entries that need work). Runs on the partition threads, changes nothing, has no backup.
 */
record FindExpiredHoldsProcessor(Instant cutoff)
    implements EntryProcessor<StockKey, Stock, String[]>, ReadOnly {

  @Override
  public String[] process(Map.Entry<StockKey, Stock> entry) {
    Stock stock = entry.getValue();
    if (stock == null || stock.nextExpiryMillis() > cutoff.toEpochMilli()) {
      return null;
    }
    String[] expired =
        stock.expiredHolds(cutoff).stream().map(Hold::orderId).toArray(String[]::new);
    return expired.length == 0 ? null : expired;
  }

  @Override
  public EntryProcessor<StockKey, Stock, String[]> getBackupProcessor() {
    return null;
  }

  static final class Serializer extends NamedSerializer<FindExpiredHoldsProcessor> {

    Serializer() {
      super("commerce.FindExpiredHoldsProcessor", FindExpiredHoldsProcessor.class);
    }

    @Override
    public FindExpiredHoldsProcessor read(CompactReader in) {
      return new FindExpiredHoldsProcessor(instant(in.readInt64("cutoff")));
    }

    @Override
    public void write(CompactWriter out, FindExpiredHoldsProcessor processor) {
      out.writeInt64("cutoff", millis(processor.cutoff()));
    }
  }
}
