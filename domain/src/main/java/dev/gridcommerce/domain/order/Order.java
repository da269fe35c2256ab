package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A shopper's order for delivery from one dark store. While {@code PENDING_PAYMENT} its lines hold
 * stock until {@code expiresAt}. {@code pendingStock} is the stock change its last status change
 * asked for and that is not yet applied to every line.
 */
public record Order(
    String id,
    String shopperId,
    String storeId,
    List<OrderLine> lines,
    OrderStatus status,
    StockEffect pendingStock,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(pendingStock, "pendingStock");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order has at least one line");
    }
    if (lines.stream().map(OrderLine::sku).distinct().count() != lines.size()) {
      throw new IllegalArgumentException("an order has one line per product");
    }
    if (lines.stream().map(l -> l.unitPrice().currency()).distinct().count() != 1) {
      throw new IllegalArgumentException("an order is priced in one currency");
    }
  }

  /** A new order whose stock is already held until {@code expiresAt}. */
  public static Order placed(
      String id,
      String shopperId,
      String storeId,
      List<OrderLine> lines,
      Instant now,
      Instant expiresAt) {
    return new Order(
        id,
        shopperId,
        storeId,
        lines,
        OrderStatus.PENDING_PAYMENT,
        StockEffect.NONE,
        now,
        expiresAt,
        now);
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

  public boolean isSettled() {
    return pendingStock == StockEffect.NONE;
  }

  /** Whether the order was due to expire unpaid at {@code now}. */
  public boolean isDueToExpire(Instant now) {
    return status == OrderStatus.PENDING_PAYMENT && !expiresAt.isAfter(now);
  }

  /**
   * This order in {@code next} status, with the stock change the move asks for pending. Refused
   * when the state machine doesn't allow the move, or while an earlier stock change is still
   * pending (it is applied within moments, by the caller or by the sweep).
   */
  public Order movedTo(OrderStatus next, Instant now) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    if (!isSettled()) {
      throw new StockChangePendingException(id, pendingStock);
    }
    return new Order(
        id,
        shopperId,
        storeId,
        lines,
        next,
        StockEffect.of(status, next),
        createdAt,
        expiresAt,
        now);
  }

  /**
   * A payment arrived after expiry and every line's units were sold to the order anyway: the order
   * is paid, whatever release its expiry still had pending (sold units are never released).
   */
  public Order paidLate(Instant now) {
    if (status != OrderStatus.EXPIRED) {
      throw new IllegalTransitionException(status, OrderStatus.PAID);
    }
    return new Order(
        id,
        shopperId,
        storeId,
        lines,
        OrderStatus.PAID,
        StockEffect.NONE,
        createdAt,
        expiresAt,
        now);
  }

  /** The order with its pending stock change applied. */
  public Order settled() {
    return new Order(
        id, shopperId, storeId, lines, status, StockEffect.NONE, createdAt, expiresAt, updatedAt);
  }
}
