package dev.gridcommerce.domain.order;

import static dev.gridcommerce.domain.order.OrderStatus.CANCELLED;
import static dev.gridcommerce.domain.order.OrderStatus.DELIVERED;
import static dev.gridcommerce.domain.order.OrderStatus.EXPIRED;
import static dev.gridcommerce.domain.order.OrderStatus.FAILED_DELIVERY;
import static dev.gridcommerce.domain.order.OrderStatus.OUT_FOR_DELIVERY;
import static dev.gridcommerce.domain.order.OrderStatus.PACKED;
import static dev.gridcommerce.domain.order.OrderStatus.PAID;
import static dev.gridcommerce.domain.order.OrderStatus.PENDING_PAYMENT;
import static dev.gridcommerce.domain.order.OrderStatus.PICKING;
import static dev.gridcommerce.domain.order.OrderStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void onlyTheDocumentedMovesAreAllowed(OrderStatus from) {
    Set<OrderStatus> allowed =
        switch (from) {
          case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED, REFUNDED);
          case PAID -> EnumSet.of(PICKING, CANCELLED, REFUNDED);
          case PICKING -> EnumSet.of(PACKED, CANCELLED);
          case PACKED -> EnumSet.of(OUT_FOR_DELIVERY, CANCELLED);
          case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, FAILED_DELIVERY);
          case EXPIRED -> EnumSet.of(PAID, REFUNDED);
          case CANCELLED -> EnumSet.of(REFUNDED);
          case DELIVERED, FAILED_DELIVERY, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    for (OrderStatus to : OrderStatus.values()) {
      assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
    }
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void anOrderHoldsUnpaidStockUntilPaidAndSoldStockUntilDispatch(OrderStatus status) {
    assertThat(status.holdsUnpaidStock()).isEqualTo(status == PENDING_PAYMENT);
    assertThat(status.holdsSoldStock())
        .isEqualTo(status == PAID || status == PICKING || status == PACKED);
    assertThat(status.holdsStock()).isEqualTo(status.holdsUnpaidStock() || status.holdsSoldStock());
  }

  @Test
  void theGroupsAreOpenClosedAndPaid() {
    assertThat(OrderStatus.open())
        .containsExactlyInAnyOrder(PENDING_PAYMENT, PAID, PICKING, PACKED, OUT_FOR_DELIVERY);
    assertThat(OrderStatus.closed())
        .containsExactlyInAnyOrder(DELIVERED, FAILED_DELIVERY, CANCELLED, EXPIRED, REFUNDED);
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isPaid))
        .containsExactlyInAnyOrder(PAID, PICKING, PACKED, OUT_FOR_DELIVERY, DELIVERED);
    for (OrderStatus status : OrderStatus.values()) {
      assertThat(status.isOpen()).isEqualTo(OrderStatus.open().contains(status));
    }
  }

  @Test
  void everyMoveHasItsEventType() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().map(OrderEventType::ofMoveTo).distinct())
        .hasSize(OrderStatus.values().length)
        .doesNotContain(OrderEventType.PAYMENT_FAILED);
  }

  @Test
  void staffPickDispatchDeliverAndCancelButNeverPayExpireOrRefund() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isSetByStaff))
        .containsExactlyInAnyOrder(
            PICKING, PACKED, OUT_FOR_DELIVERY, DELIVERED, FAILED_DELIVERY, CANCELLED);
  }

  @Test
  void shoppersCanCancelOnlyBeforePicking() {
    assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isCancellable))
        .containsExactlyInAnyOrder(PENDING_PAYMENT, PAID);
  }

  @Test
  void eachMoveAsksForTheStockChangeThatFitsIt() {
    assertThat(StockEffect.of(PENDING_PAYMENT, PAID)).isEqualTo(StockEffect.SELL);
    assertThat(StockEffect.of(EXPIRED, PAID)).isEqualTo(StockEffect.SELL);
    assertThat(StockEffect.of(PENDING_PAYMENT, CANCELLED)).isEqualTo(StockEffect.RELEASE);
    assertThat(StockEffect.of(PAID, CANCELLED)).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(StockEffect.of(PENDING_PAYMENT, EXPIRED)).isEqualTo(StockEffect.RELEASE);
    assertThat(StockEffect.of(PACKED, OUT_FOR_DELIVERY)).isEqualTo(StockEffect.DISPATCH);
    assertThat(StockEffect.of(PICKING, CANCELLED)).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(StockEffect.of(PACKED, CANCELLED)).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(StockEffect.of(PICKING, PACKED)).isEqualTo(StockEffect.NONE);
    assertThat(StockEffect.of(OUT_FOR_DELIVERY, FAILED_DELIVERY))
        .isEqualTo(StockEffect.RETURN_DELIVERED);
    assertThat(StockEffect.of(PAID, PICKING)).isEqualTo(StockEffect.NONE);
    assertThat(StockEffect.of(OUT_FOR_DELIVERY, DELIVERED)).isEqualTo(StockEffect.NONE);
    assertThat(StockEffect.of(PENDING_PAYMENT, REFUNDED)).isEqualTo(StockEffect.RELEASE);
    assertThat(StockEffect.of(PAID, REFUNDED)).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(StockEffect.of(EXPIRED, REFUNDED)).isEqualTo(StockEffect.NONE);
    assertThat(StockEffect.of(CANCELLED, REFUNDED)).isEqualTo(StockEffect.NONE);
  }
}
