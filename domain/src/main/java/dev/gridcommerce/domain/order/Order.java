package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shopper's order for delivery from one dark store. While {@code PENDING_PAYMENT} its lines hold
 * stock until {@code expiresAt}.
 */
public record Order(
    String id,
    String shopperId,
    String storeId,
    List<OrderLine> lines,
    OrderStatus status,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one line");
    }
    if (lines.stream().map(l -> l.unitPrice().currency()).distinct().count() != 1) {
      throw new IllegalArgumentException("an order is priced in one currency");
    }
  }

  /** A new order whose stock is held until {@code expiresAt}. */
  public static Order placed(
      String id,
      String shopperId,
      String storeId,
      List<OrderLine> lines,
      Instant now,
      Instant expiresAt) {
    return new Order(
        id, shopperId, storeId, lines, OrderStatus.PENDING_PAYMENT, now, expiresAt, now);
  }

  public Money total() {
    return lines.stream()
        .map(OrderLine::total)
        .reduce(Money::plus)
        .orElseThrow(); // an order has at least one line
  }

  public int units() {
    return lines.stream().mapToInt(OrderLine::quantity).sum();
  }

  /** This order in {@code next} status, if the state machine allows the move. */
  public Order movedTo(OrderStatus next, Instant now) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    return new Order(id, shopperId, storeId, lines, next, createdAt, expiresAt, now);
  }
}
