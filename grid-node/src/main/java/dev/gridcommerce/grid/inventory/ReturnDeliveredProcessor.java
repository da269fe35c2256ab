package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * An order's dispatched units of one stock entry come back on hand, its delivery having failed: a
 * {@link MovementReason#CUSTOMER_RETURN} in the ledger, once per order ({@link Stock#adjust} by the
 * movement id {@code return:<orderId>}). See {@link StockChange}.
 */
record ReturnDeliveredProcessor(String orderId, int units, Instant at) implements StockChange {

  @Override
  public StockDecision apply(Stock stock) {
    return stock.adjust(
        "return:" + orderId,
        units,
        MovementReason.CUSTOMER_RETURN,
        "delivery failed",
        "order:" + orderId,
        at);
  }

  static final class Serializer extends NamedSerializer<ReturnDeliveredProcessor> {

    Serializer() {
      super("commerce.ReturnDeliveredProcessor", ReturnDeliveredProcessor.class);
    }

    @Override
    public ReturnDeliveredProcessor read(CompactReader in) {
      return new ReturnDeliveredProcessor(
          in.readString("orderId"), in.readInt32("units"), instant(in.readInt64("at")));
    }

    @Override
    public void write(CompactWriter out, ReturnDeliveredProcessor processor) {
      out.writeString("orderId", processor.orderId());
      out.writeInt32("units", processor.units());
      out.writeInt64("at", millis(processor.at()));
    }
  }
}
