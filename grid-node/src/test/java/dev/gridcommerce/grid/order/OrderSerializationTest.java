package dev.gridcommerce.grid.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.List;
import java.util.stream.Stream;

class OrderSerializationTest extends SerializationRoundTrip {

  private static final PaymentReference PAYMENT = new PaymentReference("stripe", "pi_123");

  @Override
  protected Stream<Object> samples() {
    Order placed = anOrder().line("FRU-00001", 2, 199).line("DAI-00001", 1, 99).build();
    Order paid = placed.paid(PAYMENT, AT, "e2");
    Replacement oatMilk = new Replacement("DAI-00002", "Oat milk", 1, Money.of(89, "EUR"));
    Order picked =
        paid.settled()
            .movedTo(OrderStatus.PICKING, AT, "e3")
            .settled()
            .lineShort("L1", 1, oatMilk, AT, "e4")
            .settled()
            .movedTo(OrderStatus.PACKED, AT, "e5")
            .outWith(new Courier("rider-1", "Rita"), AT, "e6");
    return Stream.of(
        picked,
        picked.lines().getFirst(),
        new PickLineProcessor("berlin-mitte", "L1", AT),
        new ShortLineProcessor("berlin-mitte", "L1", 1, oatMilk, AT, "e9"),
        new ShortLineProcessor("berlin-mitte", "L2", 0, null, AT, "e10"),
        new ReplacementGoneProcessor("L1", "DAI-00002", AT, "e11"),
        new SettleOrderProcessor(StockEffect.PICK_SHORTFALL, 4),
        new OutWithRiderProcessor("berlin-mitte", new Courier("r", "Rita"), AT, "e12"),
        placed,
        paid,
        anOrder().id("promised").promisedAt(AT.plusSeconds(720)).build().paid(PAYMENT, AT, "p2"),
        paid.settled().movedTo(OrderStatus.CANCELLED, AT, "e3", "changed my mind"),
        paid.events().getLast(),
        placed.lines().getFirst(),
        new OrderChange(OrderChange.Verdict.CHANGED, placed),
        new OrderChange(OrderChange.Verdict.MISSING, null),
        new MoveOrderProcessor(OrderStatus.PICKING, AT, "e4", ""),
        new ExpireIfDueProcessor(AT, "e5"),
        new SettleOrderProcessor(StockEffect.SELL),
        new PayLateProcessor(PAYMENT, AT, "e6"),
        new PayProcessor(PAYMENT, AT, "e7"),
        new PaymentFailedProcessor("card declined", AT, "e8"),
        new ShopperOrders(List.of(new ShopperOrders.Placed("o1", AT))),
        new SubscriberCheckpoint(42, "instance", AT),
        CheckpointProcessor.advance("instance", 42, AT, AT.plusSeconds(15)),
        new OrderEventLog.Logged(7, paid.events().getLast()),
        new EventPage(List.of(new OrderEventLog.Logged(7, paid.events().getLast())), 9));
  }
}
