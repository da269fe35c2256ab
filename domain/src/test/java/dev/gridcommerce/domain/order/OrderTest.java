package dev.gridcommerce.domain.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gridcommerce.domain.catalog.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static Order order(List<OrderLine> lines) {
    return Order.placed("o1", "shopper", "store", lines, NOW, NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void totalIsTheSumOfLinePricesTimesQuantities() {
    Order order =
        order(
            List.of(
                new OrderLine("FRU-00001", "Apples", 3, Money.of(199, "EUR")),
                new OrderLine("DAI-00001", "Milk", 2, Money.of(109, "EUR"))));

    assertThat(order.total()).isEqualTo(Money.of(3 * 199 + 2 * 109, "EUR"));
    assertThat(order.units()).isEqualTo(5);
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(order.isSettled()).isTrue();
  }

  @Test
  void illegalMoveIsRefusedAndNamesBothStates() {
    Order order = anOrder().build();

    assertThatThrownBy(() -> order.movedTo(OrderStatus.DELIVERED, NOW))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("PENDING_PAYMENT")
        .hasMessageContaining("DELIVERED");
  }

  @Test
  void aMoveRecordsItsStockChangeAsPendingUntilSettled() {
    Order order = anOrder().build();
    Instant later = NOW.plusSeconds(30);

    Order paid = order.movedTo(OrderStatus.PAID, later);

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.pendingStock()).isEqualTo(StockEffect.SELL);
    assertThat(paid.updatedAt()).isEqualTo(later);
    assertThat(paid.lines()).isEqualTo(order.lines());
    assertThat(paid.settled().isSettled()).isTrue();
  }

  @Test
  void noMoveWhileTheLastStockChangeIsPending() {
    Order paid = anOrder().build().movedTo(OrderStatus.PAID, NOW);

    assertThatThrownBy(() -> paid.movedTo(OrderStatus.CANCELLED, NOW))
        .isInstanceOf(StockChangePendingException.class);
    assertThat(paid.settled().movedTo(OrderStatus.CANCELLED, NOW).pendingStock())
        .isEqualTo(StockEffect.RETURN_SOLD);
  }

  @Test
  void aLatePaymentMakesAnExpiredOrderPaidWithNothingLeftPending() {
    Order expired = anOrder().build().movedTo(OrderStatus.EXPIRED, NOW);

    Order paid = expired.paidLate(NOW.plusSeconds(1));

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.isSettled()).isTrue();
    assertThatThrownBy(() -> anOrder().build().paidLate(NOW))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void dueToExpireOnlyWhenUnpaidAndPastExpiry() {
    Order order = anOrder().build();

    assertThat(order.isDueToExpire(order.expiresAt().minusMillis(1))).isFalse();
    assertThat(order.isDueToExpire(order.expiresAt())).isTrue();
    assertThat(order.movedTo(OrderStatus.PAID, NOW).isDueToExpire(order.expiresAt())).isFalse();
  }

  @Test
  void orderWithoutLinesRepeatedProductsOrTwoCurrenciesIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> order(List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            order(
                List.of(
                    new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR")),
                    new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR")))));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            order(
                List.of(
                    new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR")),
                    new OrderLine("DAI-00001", "Milk", 1, Money.of(109, "USD")))));
  }
}
