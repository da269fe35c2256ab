package dev.gridcommerce.grid.inventory;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.util.Map;

/**
 * Returns an order's held units of one stock entry to available stock, and answers how many units
 * that was (0 when the order held none here).
 *
 * <p>Runs on the partition thread of the owning member; the backup runs the same processor.
 * Idempotent: releasing twice releases once.
 */
public record ReleaseHoldProcessor(String orderId)
    implements EntryProcessor<StockKey, Stock, Integer> {

  @Override
  public Integer process(Map.Entry<StockKey, Stock> entry) {
    Stock stock = entry.getValue();
    if (stock == null) {
      return 0;
    }
    Stock released = stock.release(orderId);
    if (released == stock) {
      return 0;
    }
    entry.setValue(released);
    return stock.reserved() - released.reserved();
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
