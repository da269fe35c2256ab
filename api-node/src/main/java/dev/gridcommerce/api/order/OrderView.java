package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import java.time.Instant;
import java.util.List;

/** An order as its shopper and the store's staff see it. */
public record OrderView(
    String id,
    OrderStatus status,
    String storeId,
    List<Line> lines,
    Money total,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt) {

  public record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}

  public static OrderView of(Order order) {
    return new OrderView(
        order.id(),
        order.status(),
        order.storeId(),
        order.lines().stream()
            .map(l -> new Line(l.sku(), l.name(), l.quantity(), l.unitPrice(), l.total()))
            .toList(),
        order.total(),
        order.createdAt(),
        order.expiresAt(),
        order.updatedAt());
  }
}
