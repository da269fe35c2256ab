package dev.gridcommerce.domain.order;

import java.util.EnumSet;
import java.util.Set;

/** Where an order is in its life; {@link #canMoveTo} is the whole state machine. */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  PICKING,
  OUT_FOR_DELIVERY,
  DELIVERED,
  CANCELLED,
  EXPIRED,
  REFUNDED;

  public boolean canMoveTo(OrderStatus next) {
    return successors().contains(next);
  }

  /** Whether the order still holds stock that is not yet paid for. */
  public boolean holdsStock() {
    return this == PENDING_PAYMENT;
  }

  /** Whether the shopper may still cancel: before the store starts picking. */
  public boolean isCancellable() {
    return canMoveTo(CANCELLED);
  }

  /** Whether nothing more will happen to the order. */
  public boolean isFinal() {
    return successors().isEmpty();
  }

  /**
   * The moves: paying, picking, dispatch, delivery; cancelling before picking; expiry of an unpaid
   * order; a payment that arrives after expiry makes the order paid if the stock is still there,
   * else refunded; a cancelled paid order is refunded.
   */
  private Set<OrderStatus> successors() {
    return switch (this) {
      case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED);
      case PAID -> EnumSet.of(PICKING, CANCELLED);
      case PICKING -> EnumSet.of(OUT_FOR_DELIVERY);
      case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED);
      case EXPIRED -> EnumSet.of(PAID, REFUNDED);
      case CANCELLED -> EnumSet.of(REFUNDED);
      case DELIVERED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }
}
