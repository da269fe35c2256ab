package dev.gridcommerce.grid.inventory;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.support.Tracing;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.MDC;

class InventorySerializationTest extends SerializationRoundTrip {

  /** A stock change as a request under a trace id sends it: wrapped, the id with it. */
  private static Object traced(StockChange change) {
    MDC.put(Tracing.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
    try {
      Object wrapped = Tracing.step(change);
      if (wrapped == change) {
        throw new AssertionError("a step under a trace id goes wrapped");
      }
      return wrapped;
    } finally {
      MDC.remove(Tracing.TRACE_ID);
    }
  }

  @Override
  protected Stream<Object> samples() {
    Stock stock =
        new Stock(
            9,
            List.of(Hold.held("o1", 2, AT), new Hold("o2", 1, AT.plusSeconds(5), Hold.State.SOLD)),
            List.of(new StockMovement("m1", 4, MovementReason.DELIVERY, "note", "staff", AT, 9)),
            12,
            3);
    return Stream.of(
        traced(new HoldCartProcessor("cart-1", 2, AT)),
        new StockKey("berlin-mitte", "FRU-00001"),
        stock,
        Stock.of(0),
        new StockOutcome.Done(3),
        new StockOutcome.ShortOf(3, 1),
        new StockOutcome.VersionConflict(3, 4),
        new StockOutcome.BelowReserved(1, 2),
        new StockAnswer(stock.levels(), new StockOutcome.Done(4)),
        new HoldStockProcessor("o1", 2, AT, null),
        new HoldStockProcessor("o1", 2, AT, "cart:s1"),
        new HoldCartProcessor("cart:s1", 2, AT),
        new MoveHeldProcessor("o1", "cart:s1", AT),
        new ReleaseHoldProcessor("o1"),
        new SellProcessor("o1", 2),
        new KeepSoldProcessor("o1", 1),
        new ReturnDeliveredProcessor("o1", 2, AT),
        new ReturnSoldProcessor("o1"),
        new DispatchProcessor("o1", AT),
        new AdjustStockProcessor("m2", -1, MovementReason.DAMAGED, "", "staff", AT),
        new CountStockProcessor("c1", 7, 3, "aisle 2", "staff", AT),
        new FindExpiredHoldsProcessor(AT));
  }
}
