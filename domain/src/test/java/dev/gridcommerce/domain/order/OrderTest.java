package dev.gridcommerce.domain.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.fixtures.Stores;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.domain.pricing.Pricing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final PaymentReference PAYMENT = new PaymentReference("test", "pay-1");

  private static Order order(List<OrderLine> lines) {
    return Order.placed(
        "o1",
        "shopper",
        "store",
        lines,
        Pricing.price(
            lines.stream().map(OrderLine::priced).toList(),
            Stores.freeDelivery(
                "store", lines.isEmpty() ? "EUR" : lines.getFirst().unitPrice().currency())),
        NOW,
        NOW.plus(Duration.ofMinutes(10)),
        "e1");
  }

  private static OrderLine line(int index, String sku, int quantity, long price, String currency) {
    return new OrderLine(
        OrderLine.idAt(index), sku, "Product " + sku, quantity, Money.of(price, currency));
  }

  @Test
  void aPlacedOrderIsPricedByItsLinesAndStartsItsTimelineWithPlaced() {
    Order order =
        order(List.of(line(0, "FRU-00001", 3, 199, "EUR"), line(1, "DAI-00001", 2, 109, "EUR")));

    assertThat(order.total()).isEqualTo(Money.of(3 * 199 + 2 * 109, "EUR"));
    assertThat(order.price().subtotal()).isEqualTo(order.total());
    assertThat(order.price().discount()).isEqualTo(Money.zero("EUR"));
    assertThat(order.lines()).extracting(OrderLine::id).containsExactly("L1", "L2");
    assertThat(order.units()).isEqualTo(5);
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(order.isSettled()).isTrue();
    assertThat(order.version()).isEqualTo(1);
    assertThat(order.events())
        .singleElement()
        .satisfies(event -> {
          assertThat(event.id()).isEqualTo("e1");
          assertThat(event.seq()).isEqualTo(1);
          assertThat(event.type()).isEqualTo(OrderEventType.PLACED);
          assertThat(event.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
          assertThat(event.total()).isEqualTo(order.total());
          assertThat(event.at()).isEqualTo(NOW);
        });
  }

  @Test
  void illegalMoveIsRefusedAndNamesBothStates() {
    Order order = anOrder().build();

    assertThatThrownBy(() -> order.movedTo(OrderStatus.DELIVERED, NOW, "e2"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("PENDING_PAYMENT")
        .hasMessageContaining("DELIVERED");
  }

  @Test
  void aMoveRecordsItsStockChangeAsPendingAndAppendsItsEvent() {
    Order order = anOrder().build();
    Instant later = NOW.plusSeconds(30);

    Order paid = order.paid(PAYMENT, later, "e2");

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.pendingStock()).isEqualTo(StockEffect.SELL);
    assertThat(paid.payment()).isEqualTo(PAYMENT);
    assertThat(paid.updatedAt()).isEqualTo(later);
    assertThat(paid.lines()).isEqualTo(order.lines());
    assertThat(paid.version()).isEqualTo(order.version() + 1);
    assertThat(paid.events()).hasSize(2);
    assertThat(paid.events().getLast())
        .satisfies(event -> {
          assertThat(event.seq()).isEqualTo(2);
          assertThat(event.type()).isEqualTo(OrderEventType.PAID);
          assertThat(event.stockEffect()).isEqualTo(StockEffect.SELL);
          assertThat(event.payment()).isEqualTo(PAYMENT);
        });
  }

  @Test
  void settlingTheStockIsAChangeWithoutAnEvent() {
    Order paid = anOrder().build().paid(PAYMENT, NOW, "e2");

    Order settled = paid.settled();

    assertThat(settled.isSettled()).isTrue();
    assertThat(settled.version()).isEqualTo(paid.version() + 1);
    assertThat(settled.events()).isEqualTo(paid.events());
  }

  @Test
  void eachMoveHasTheEventTypeOfItsStatus() {
    Order order = anOrder().build().paid(PAYMENT, NOW, "e2").settled();
    order = order.movedTo(OrderStatus.PICKING, NOW, "e3").settled();
    order = order.movedTo(OrderStatus.PACKED, NOW, "e4").settled();
    order = order.movedTo(OrderStatus.OUT_FOR_DELIVERY, NOW, "e5").settled();
    order = order.movedTo(OrderStatus.DELIVERED, NOW, "e6").settled();

    assertThat(order.events())
        .extracting(OrderEvent::type)
        .containsExactly(
            OrderEventType.PLACED,
            OrderEventType.PAID,
            OrderEventType.PICKING_STARTED,
            OrderEventType.PACKED,
            OrderEventType.OUT_FOR_DELIVERY,
            OrderEventType.DELIVERED);
    assertThat(order.events()).extracting(OrderEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(order.events().get(4).stockEffect()).isEqualTo(StockEffect.DISPATCH);
    assertThat(order.hasEvent("e3")).isTrue();
    assertThat(order.hasEvent("e9")).isFalse();
  }

  @Test
  void noMoveWhileTheLastStockChangeIsPending() {
    Order paid = anOrder().build().paid(PAYMENT, NOW, "e2");

    assertThatThrownBy(() -> paid.movedTo(OrderStatus.CANCELLED, NOW, "e3"))
        .isInstanceOf(StockChangePendingException.class);
    assertThat(paid.settled().movedTo(OrderStatus.CANCELLED, NOW, "e3").pendingStock())
        .isEqualTo(StockEffect.RETURN_SOLD);
  }

  @Test
  void aLatePaymentMakesAnExpiredOrderPaidWithNothingLeftPending() {
    Order expired = anOrder().build().movedTo(OrderStatus.EXPIRED, NOW, "e2").settled();

    Order paid = expired.paidLate(PAYMENT, NOW.plusSeconds(1), "e3");

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.isSettled()).isTrue();
    assertThat(paid.events().getLast().type()).isEqualTo(OrderEventType.PAID);
    assertThatThrownBy(() -> anOrder().build().paidLate(PAYMENT, NOW, "e2"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> expired.paid(PAYMENT, NOW, "e3"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aFailedPaymentLeavesTheOrderUnpaidAndSaysWhy() {
    Order order = anOrder().build();

    Order failed = order.paymentFailed("card declined", NOW, "e2");

    assertThat(failed.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(failed.events().getLast().type()).isEqualTo(OrderEventType.PAYMENT_FAILED);
    assertThat(failed.events().getLast().note()).isEqualTo("card declined");
    assertThat(failed.paid(PAYMENT, NOW, "e3").status()).isEqualTo(OrderStatus.PAID);
    assertThatThrownBy(() -> order.paid(PAYMENT, NOW, "e2").paymentFailed("late", NOW, "e3"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void failedPaymentsBeyondTheLimitAreNotRecordedSoEveryEventFitsTheOrder() {
    Order order = anOrder().build();
    for (int i = 0; i < Order.MAX_PAYMENT_FAILURES + 10; i++) {
      order = order.paymentFailed("attempt " + i, NOW, "failed-" + i);
    }

    assertThat(order.events()).hasSize(1 + Order.MAX_PAYMENT_FAILURES);
    assertThat(order.paymentFailed("once more", NOW, "failed-x")).isSameAs(order);
    assertThat(order.events()).extracting(OrderEvent::seq).startsWith(1L, 2L).endsWith(17L);
    assertThat(order.paid(PAYMENT, NOW, "e-paid").events()).hasSize(2 + Order.MAX_PAYMENT_FAILURES);
  }

  @Test
  void anOrdersPaymentIsNamedOnceWithItsEventAndPaidByThatIntent() {
    Order order = anOrder().build();

    Order started = order.paymentStarted(PAYMENT, NOW, "e2");

    assertThat(started.payment()).isEqualTo(PAYMENT);
    assertThat(started.events().getLast().type()).isEqualTo(OrderEventType.PAYMENT_STARTED);
    assertThat(started.paymentStarted(PAYMENT, NOW, "e3")).isSameAs(started);
    assertThatThrownBy(
            () -> started.paymentStarted(new PaymentReference("test", "pay-2"), NOW, "e3"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(started.paid(PAYMENT, NOW, "e3").payment()).isEqualTo(PAYMENT);
    assertThat(started.refundOwed()).isEqualTo(Money.zero("EUR"));
  }

  @Test
  void aCancelledPaidOrderOwesItsPaymentUntilTheRefundIsRecordedThenEndsRefunded() {
    Order paid = anOrder().build().paymentStarted(PAYMENT, NOW, "e2").paid(PAYMENT, NOW, "e3");
    assertThat(paid.refundOwed().amountMinor()).isZero();
    Order cancelled = paid.settled().movedTo(OrderStatus.CANCELLED, NOW, "e4").settled();
    Money total = cancelled.total();
    assertThat(cancelled.refundOwed()).isEqualTo(total);

    Order part = cancelled.refundRecorded(Money.of(100, "EUR"), NOW, "r1");
    assertThat(part.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(part.refunded()).isEqualTo(Money.of(100, "EUR"));
    assertThat(part.refundOwed()).isEqualTo(total.minus(Money.of(100, "EUR")));
    assertThat(part.events().getLast().type()).isEqualTo(OrderEventType.REFUND_RECORDED);
    // an older report, or the same one again, changes nothing
    assertThat(part.refundRecorded(Money.of(50, "EUR"), NOW, "r0")).isSameAs(part);
    assertThat(part.refundRecorded(Money.of(100, "EUR"), NOW, "r1")).isSameAs(part);

    Order full = part.refundRecorded(total, NOW, "r2");
    assertThat(full.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(full.events().getLast().type()).isEqualTo(OrderEventType.REFUNDED);
    assertThat(full.pendingStock()).isEqualTo(StockEffect.NONE);
    assertThat(full.refundOwed().amountMinor()).isZero();
  }

  @Test
  void aFullRefundEndsAnUnpaidOrPaidOrderReleasingOrReturningItsUnits() {
    Order unpaid = anOrder().build().paymentStarted(PAYMENT, NOW, "e2");
    Order refundedFirst = unpaid.refundRecorded(unpaid.total(), NOW, "r1");
    assertThat(refundedFirst.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(refundedFirst.pendingStock()).isEqualTo(StockEffect.RELEASE);
    assertThat(refundedFirst.refundOwed().amountMinor()).isZero();

    Order paid = unpaid.paid(PAYMENT, NOW, "e3").settled();
    Order refundedByHand = paid.refundRecorded(paid.total(), NOW, "r1");
    assertThat(refundedByHand.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(refundedByHand.pendingStock()).isEqualTo(StockEffect.RETURN_SOLD);

    // on its way, the order goes on; the refund is recorded
    Order picking = paid.movedTo(OrderStatus.PICKING, NOW, "e4").settled();
    Order refundedWhilePicking = picking.refundRecorded(picking.total(), NOW, "r1");
    assertThat(refundedWhilePicking.status()).isEqualTo(OrderStatus.PICKING);
    assertThat(refundedWhilePicking.refunded()).isEqualTo(picking.total());
    // a report beyond the total records the total
    assertThat(
            picking.refundRecorded(picking.total().plus(Money.of(1, "EUR")), NOW, "r1").refunded())
        .isEqualTo(picking.total());
  }

  @Test
  void aPaymentAnExpiredOrCancelledOrderCantKeepRefundsItButNeverAPaidOne() {
    Order expired = anOrder().build().movedTo(OrderStatus.EXPIRED, NOW, "e2").settled();
    Order refunded = expired.refundDue(PAYMENT, NOW, "e3", "too late");
    assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(refunded.payment()).isEqualTo(PAYMENT);
    assertThat(refunded.refundOwed()).isEqualTo(refunded.total());

    Order cancelled = anOrder().build().movedTo(OrderStatus.CANCELLED, NOW, "e2").settled();
    assertThat(cancelled.refundDue(PAYMENT, NOW, "e3", "after cancel").status())
        .isEqualTo(OrderStatus.REFUNDED);

    Order paid = anOrder().build().paid(PAYMENT, NOW, "e2").settled();
    assertThatThrownBy(() -> paid.refundDue(PAYMENT, NOW, "e3", "no"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void partialRefundsBeyondTheLimitAreNotRecordedButAFullOneStillEndsTheOrder() {
    Order order = anOrder().line("FRU-00001", 2, 5_000).build().paymentStarted(PAYMENT, NOW, "e2");
    for (int i = 1; i <= Order.MAX_REFUNDS + 3; i++) {
      order = order.refundRecorded(Money.of(i, "EUR"), NOW, "r" + i);
    }
    assertThat(order.events())
        .filteredOn(e -> e.type() == OrderEventType.REFUND_RECORDED)
        .hasSize(Order.MAX_REFUNDS);

    Order full = order.refundRecorded(order.total(), NOW, "r-full");
    assertThat(full.status()).isEqualTo(OrderStatus.REFUNDED);
  }

  @Test
  void dueToExpireOnlyWhenUnpaidAndPastExpiry() {
    Order order = anOrder().build();

    assertThat(order.isDueToExpire(order.expiresAt().minusMillis(1))).isFalse();
    assertThat(order.isDueToExpire(order.expiresAt())).isTrue();
    assertThat(order.paid(PAYMENT, NOW, "e2").isDueToExpire(order.expiresAt())).isFalse();
  }

  @Test
  void orderWithoutLinesRepeatedProductsOrTwoCurrenciesIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> order(List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            order(
                List.of(line(0, "FRU-00001", 1, 199, "EUR"), line(1, "FRU-00001", 1, 199, "EUR"))));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            order(
                List.of(line(0, "FRU-00001", 1, 199, "EUR"), line(1, "DAI-00001", 1, 109, "USD"))));
  }

  @Test
  void aPriceThatIsNotTheSumOfTheLinesOrATimelineWithAGapIsRefused() {
    Order order = anOrder().line("FRU-00001", 2, 100).build();
    Money wrong = Money.of(150, "EUR");
    Money zero = Money.zero("EUR");
    Order twice = order.paymentFailed("a", NOW, "e2").paymentFailed("b", NOW, "e3");

    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            rebuilt(
                order, new PriceBreakdown(wrong, zero, zero, zero, zero, wrong), order.events()));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            rebuilt(
                twice, twice.price(), IntStream.of(0, 2).mapToObj(twice.events()::get).toList()));
  }

  /** The order with another price and timeline, as a broken store or serializer might make it. */
  private static Order rebuilt(Order order, PriceBreakdown price, List<OrderEvent> events) {
    return new Order(
        order.id(),
        order.shopperId(),
        order.storeId(),
        order.lines(),
        price,
        order.voucherCode(),
        order.status(),
        order.pendingStock(),
        order.payment(),
        order.refunded(),
        order.createdAt(),
        order.expiresAt(),
        order.updatedAt(),
        order.version(),
        events,
        null,
        null,
        null);
  }
}
