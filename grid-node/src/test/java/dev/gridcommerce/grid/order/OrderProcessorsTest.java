package dev.gridcommerce.grid.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.order.OrderChange.Verdict;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderProcessorsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:05:00Z");

  private static Map.Entry<String, Order> entry(Order order) {
    return new SimpleEntry<>("order-1", order);
  }

  @Test
  void aLegalMoveChangesTheOrderAndRecordsItsStockChange() {
    Map.Entry<String, Order> entry = entry(anOrder().build());

    OrderChange change = new MoveOrderProcessor(OrderStatus.CANCELLED, NOW).process(entry);

    assertThat(change.verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(entry.getValue().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(entry.getValue().pendingStock()).isEqualTo(StockEffect.RELEASE);
  }

  @Test
  void anIllegalMoveIsAVerdictAndChangesNothing() {
    Order order = anOrder().build();
    Map.Entry<String, Order> entry = entry(order);

    OrderChange change = new MoveOrderProcessor(OrderStatus.DELIVERED, NOW).process(entry);

    assertThat(change).isEqualTo(new OrderChange(Verdict.ILLEGAL, order));
    assertThat(entry.getValue()).isSameAs(order);
  }

  @Test
  void movingToTheCurrentStatusAgainChangesNothing() {
    Map.Entry<String, Order> entry = entry(anOrder().build());
    MoveOrderProcessor cancel = new MoveOrderProcessor(OrderStatus.CANCELLED, NOW);
    cancel.process(entry);

    assertThat(cancel.process(entry).verdict()).isEqualTo(Verdict.UNCHANGED);
  }

  @Test
  void noMoveWhileAStockChangeIsPendingAndMissingOrdersAreSaidToBe() {
    Map.Entry<String, Order> entry = entry(anOrder().build().movedTo(OrderStatus.PAID, NOW));

    assertThat(new MoveOrderProcessor(OrderStatus.PICKING, NOW).process(entry).verdict())
        .isEqualTo(Verdict.PENDING);
    assertThat(
            new MoveOrderProcessor(OrderStatus.PICKING, NOW)
                .process(new SimpleEntry<>("x", null))
                .verdict())
        .isEqualTo(Verdict.MISSING);
  }

  @Test
  void settlingClearsOnlyTheStockChangeItNames() {
    Map.Entry<String, Order> entry = entry(anOrder().build().movedTo(OrderStatus.PAID, NOW));

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

    assertThat(new ExpireIfDueProcessor(order.expiresAt().minusMillis(1)).process(entry).verdict())
        .isEqualTo(Verdict.UNCHANGED);
    assertThat(new ExpireIfDueProcessor(order.expiresAt()).process(entry).verdict())
        .isEqualTo(Verdict.CHANGED);
    assertThat(entry.getValue().status()).isEqualTo(OrderStatus.EXPIRED);
  }
}
