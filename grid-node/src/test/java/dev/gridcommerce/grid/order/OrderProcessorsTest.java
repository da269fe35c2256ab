package dev.gridcommerce.grid.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.order.OrderChange.Verdict;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderProcessorsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:05:00Z");
  private static final PaymentReference PAYMENT = new PaymentReference("test", "pay-1");

  private static Map.Entry<String, Order> entry(Order order) {
    return new SimpleEntry<>("order-1", order);
  }

  private static MoveOrderProcessor move(OrderStatus to) {
    return new MoveOrderProcessor(to, NOW, "e-" + to, "");
  }

  @Test
  void aLegalMoveChangesTheOrderRecordsItsStockChangeAndAppendsItsEventInOneStep() {
    Map.Entry<String, Order> entry = entry(anOrder().build());

    OrderChange change = move(OrderStatus.CANCELLED).process(entry);

    assertThat(change.verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(change.order()).isSameAs(entry.getValue());
    assertThat(entry.getValue().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(entry.getValue().pendingStock()).isEqualTo(StockEffect.RELEASE);
    assertThat(entry.getValue().events().getLast().id()).isEqualTo("e-CANCELLED");
    assertThat(entry.getValue().events().getLast().type()).isEqualTo(OrderEventType.CANCELLED);
  }

  @Test
  void aShortfallAppliedFromAnOlderCopyLeavesALaterShortLinePending() {
    Order picking = anOrder().line("DAI-00001", 2, 150).line("BAK-00001", 1, 300).buildPicking();
    Order firstShort = picking.lineShort("L1", 0, null, NOW, "short-1");
    Order secondShort = firstShort.settled().lineShort("L2", 0, null, NOW, "short-2");
    Map.Entry<String, Order> entry = entry(secondShort);

    OrderChange stale =
        new SettleOrderProcessor(StockEffect.PICK_SHORTFALL, firstShort.lastSeq()).process(entry);
    OrderChange current =
        new SettleOrderProcessor(StockEffect.PICK_SHORTFALL, secondShort.lastSeq()).process(entry);

    assertThat(stale.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(current.verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(entry.getValue().isSettled()).isTrue();
  }

  @Test
  void anIllegalMoveIsAVerdictAndChangesNothing() {
    Order order = anOrder().build();
    Map.Entry<String, Order> entry = entry(order);

    OrderChange change = move(OrderStatus.DELIVERED).process(entry);

    assertThat(change).isEqualTo(new OrderChange(Verdict.ILLEGAL, order));
    assertThat(entry.getValue()).isSameAs(order);
  }

  @Test
  void movingToTheCurrentStatusAgainChangesNothingAndAddsNoEvent() {
    Map.Entry<String, Order> entry = entry(anOrder().build());
    MoveOrderProcessor cancel = move(OrderStatus.CANCELLED);
    cancel.process(entry);

    assertThat(cancel.process(entry).verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(entry.getValue().events()).hasSize(2);
  }

  @Test
  void aMoveForAShopperOrAStoreTouchesOnlyTheirOrdersAndCallsOthersMissing() {
    Order order = anOrder().shopper("ada").store("berlin-mitte").build();
    Map.Entry<String, Order> entry = entry(order);

    assertThat(
            new MoveOrderProcessor(OrderStatus.CANCELLED, NOW, "e2", "", "bob", null)
                .process(entry))
        .isEqualTo(new OrderChange(Verdict.MISSING, null));
    assertThat(
            new MoveOrderProcessor(OrderStatus.CANCELLED, NOW, "e2", "", null, "elsewhere")
                .process(entry)
                .verdict())
        .isEqualTo(Verdict.MISSING);
    assertThat(entry.getValue()).isSameAs(order);
    assertThat(
            new MoveOrderProcessor(OrderStatus.CANCELLED, NOW, "e2", "", "ada", "berlin-mitte")
                .process(entry)
                .verdict())
        .isEqualTo(Verdict.CHANGED);
  }

  @Test
  void noMoveWhileAStockChangeIsPendingAndMissingOrdersAreSaidToBe() {
    Map.Entry<String, Order> entry = entry(anOrder().build().paid(PAYMENT, NOW, "e2"));

    assertThat(move(OrderStatus.PICKING).process(entry).verdict()).isEqualTo(Verdict.PENDING);
    assertThat(move(OrderStatus.PICKING).process(new SimpleEntry<>("x", null)).verdict())
        .isEqualTo(Verdict.MISSING);
  }

  @Test
  void aPaymentPaysAnUnpaidOrderOnceAndIsRefusedByAnExpiredOne() {
    Map.Entry<String, Order> entry = entry(anOrder().build());
    PayProcessor pay = new PayProcessor(PAYMENT, NOW, "e2");

    assertThat(pay.process(entry).verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(pay.process(entry).verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(entry.getValue().payment()).isEqualTo(PAYMENT);
    assertThat(pay.process(entry(anOrder().status(OrderStatus.EXPIRED).build())).verdict())
        .isEqualTo(Verdict.ILLEGAL);
  }

  @Test
  void aFailedPaymentToldTwiceIsRecordedOnce() {
    Map.Entry<String, Order> entry = entry(anOrder().build());
    PaymentFailedProcessor failed = new PaymentFailedProcessor("card declined", NOW, "e2");

    assertThat(failed.process(entry).verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(failed.process(entry).verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(entry.getValue().events()).hasSize(2);
    assertThat(entry.getValue().status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
  }

  @Test
  void settlingClearsOnlyTheStockChangeItNames() {
    Map.Entry<String, Order> entry = entry(anOrder().build().paid(PAYMENT, NOW, "e2"));

    assertThat(new SettleOrderProcessor(StockEffect.RELEASE).process(entry).verdict())
        .isEqualTo(Verdict.UNCHANGED);
    assertThat(new SettleOrderProcessor(StockEffect.SELL).process(entry).verdict())
        .isEqualTo(Verdict.CHANGED);
    assertThat(entry.getValue().isSettled()).isTrue();
  }

  @Test
  void onlyAnUnpaidOrderPastItsExpiryExpires() {
    Order order = anOrder().build();
    Map.Entry<String, Order> entry = entry(order);

    assertThat(
            new ExpireIfDueProcessor(order.expiresAt().minusMillis(1), "e2")
                .process(entry)
                .verdict())
        .isEqualTo(Verdict.UNCHANGED);
    assertThat(new ExpireIfDueProcessor(order.expiresAt(), "e2").process(entry).verdict())
        .isEqualTo(Verdict.CHANGED);
    assertThat(entry.getValue().status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(entry.getValue().events().getLast().type()).isEqualTo(OrderEventType.EXPIRED);
  }

  @Test
  void aCheckpointMovesOnlyForwardAndOnlyForItsHolder() {
    Map.Entry<String, dev.gridcommerce.domain.order.SubscriberCheckpoint> checkpoint =
        new SimpleEntry<>("email", null);
    Instant lease = NOW.plusSeconds(15);

    assertThat(CheckpointProcessor.claim("a", NOW, lease, 5).process(checkpoint).position())
        .as("a new subscriber starts where it asked")
        .isEqualTo(5);
    assertThat(CheckpointProcessor.claim("b", NOW, lease, 0).process(checkpoint)).isNull();
    assertThat(CheckpointProcessor.advance("a", 7, NOW, lease).process(checkpoint).position())
        .isEqualTo(7);
    assertThat(CheckpointProcessor.advance("a", 3, NOW, lease).process(checkpoint).position())
        .isEqualTo(7);
    assertThat(CheckpointProcessor.advance("b", 9, NOW, lease).process(checkpoint)).isNull();
    assertThat(CheckpointProcessor.claim("b", lease, lease.plusSeconds(15), 0).process(checkpoint))
        .as("b takes over once a's lease ran out")
        .isNotNull();
    CheckpointProcessor.release("b", lease).process(checkpoint);
    assertThat(CheckpointProcessor.claim("c", lease, lease, 0).process(checkpoint).position())
        .isEqualTo(7);
  }
}
