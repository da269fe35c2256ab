package dev.gridcommerce.grid.inventory;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.HoldDecision;
import dev.gridcommerce.domain.inventory.HoldOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * Holds {@code quantity} units of one stock entry for an order, if that many are available.
 *
 * <p>Runs on the partition thread of the member that owns the key, so the availability check and
 * the change are one step: two shoppers can never both take the last unit, and no lock is held
 * across a network call. Idempotent by order id ({@link Stock#hold}): a retry, a duplicated request
 * or a replay changes nothing. The backup replica runs this same processor on its copy; the expiry
 * is passed in rather than read from a clock, so both replicas reach the same state. A key with no
 * stock entry is short of every unit.
 */
public record HoldStockProcessor(String orderId, int quantity, Instant expiresAt)
    implements EntryProcessor<StockKey, Stock, HoldOutcome> {

  @Override
  public HoldOutcome process(Map.Entry<StockKey, Stock> entry) {
    Stock stock = entry.getValue();
    if (stock == null) {
      return new HoldOutcome.ShortOf(quantity, 0);
    }
    HoldDecision decision = stock.hold(orderId, quantity, expiresAt);
    if (decision.stock() != stock) {
      entry.setValue(decision.stock());
    }
    return decision.outcome();
  }

  static final class Serializer extends NamedSerializer<HoldStockProcessor> {

    Serializer() {
      super("commerce.HoldStockProcessor", HoldStockProcessor.class);
    }

    @Override
    public HoldStockProcessor read(CompactReader in) {
      return new HoldStockProcessor(
          in.readString("orderId"), in.readInt32("quantity"), instant(in.readInt64("expiresAt")));
    }

    @Override
    public void write(CompactWriter out, HoldStockProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt32("quantity", processor.quantity());
      out.writeInt64("expiresAt", millis(processor.expiresAt()));
    }
  }
}
