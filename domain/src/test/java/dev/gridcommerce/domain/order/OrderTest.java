package dev.gridcommerce.domain.order;

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
  }

  @Test
  void illegalMoveIsRefusedAndNamesBothStates() {
    Order order = order(List.of(new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR"))));

    assertThatThrownBy(() -> order.movedTo(OrderStatus.DELIVERED, NOW))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("PENDING_PAYMENT")
        .hasMessageContaining("DELIVERED");
  }

  @Test
  void legalMoveKeepsEverythingButStatusAndUpdateTime() {
    Order order = order(List.of(new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR"))));
    Instant later = NOW.plusSeconds(30);

    Order paid = order.movedTo(OrderStatus.PAID, later);

    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.updatedAt()).isEqualTo(later);
    assertThat(paid.lines()).isEqualTo(order.lines());
    assertThat(paid.createdAt()).isEqualTo(NOW);
  }

  @Test
  void orderWithoutLinesOrInTwoCurrenciesIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> order(List.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            order(
                List.of(
                    new OrderLine("FRU-00001", "Apples", 1, Money.of(199, "EUR")),
                    new OrderLine("DAI-00001", "Milk", 1, Money.of(109, "USD")))));
  }
}
