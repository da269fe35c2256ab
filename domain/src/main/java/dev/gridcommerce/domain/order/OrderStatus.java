package dev.gridcommerce.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. {@link #canMoveTo} is the whole state machine; the groups below
 * ({@link #isOpen}, {@link #isPaid}, {@link #holdsSoldStock} ...) are defined here once and used by
 * the sweep, the eviction of closed orders and the SQL that loads open orders.
 */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  PICKING,
  OUT_FOR_DELIVERY,
  DELIVERED,
  CANCELLED,
  EXPIRED,
  REFUNDED;

  private static final Set<OrderStatus> OPEN =
      EnumSet.of(PENDING_PAYMENT, PAID, PICKING, OUT_FOR_DELIVERY);
  private static final Set<OrderStatus> PAID_FOR =
      EnumSet.of(PAID, PICKING, OUT_FOR_DELIVERY, DELIVERED);

  public boolean canMoveTo(OrderStatus next) {
    return successors().contains(next);
  }

  /** The open orders: still being paid for, picked or delivered. */
  public static Set<OrderStatus> open() {
    return EnumSet.copyOf(OPEN);
  }

  /** The closed orders: delivered, cancelled, expired or refunded. */
  public static Set<OrderStatus> closed() {
    return EnumSet.complementOf(EnumSet.copyOf(OPEN));
  }

  public boolean isOpen() {
    return OPEN.contains(this);
  }

  /** Whether the shopper has paid and the order goes ahead (picked, out, delivered). */
  public boolean isPaid() {
    return PAID_FOR.contains(this);
  }

  /** Whether the order holds stock that is not yet paid for (held units, with an expiry). */
  public boolean holdsUnpaidStock() {
    return this == PENDING_PAYMENT;
  }

  /** Whether the order's units are sold to it and still on the shelf (not yet dispatched). */
  public boolean holdsSoldStock() {
    return this == PAID || this == PICKING;
  }

  /** Whether the order holds stock at all, unpaid or sold. */
  public boolean holdsStock() {
    return holdsUnpaidStock() || holdsSoldStock();
  }

  /**
   * Whether store staff move orders here: picking, dispatch, delivery, cancelling; payment, expiry
   * and refunds happen by themselves.
   */
  public boolean isSetByStaff() {
    return this == PICKING || this == OUT_FOR_DELIVERY || this == DELIVERED || this == CANCELLED;
  }

  /** Whether the shopper may still cancel: before the store starts picking. */
  public boolean isCancellable() {
    return canMoveTo(CANCELLED);
  }

  /**
   * The moves: paying, picking, dispatch, delivery; cancelling before picking; expiry of an unpaid
   * order; a payment that arrives after expiry makes the order paid if the stock is still there,
   * else refunded; a cancelled paid order is refunded; and an order whose payment the provider
   * refunded in full before it was picked (a refund arriving before the success it undoes, or made
   * at the provider by hand) ends refunded.
   */
  private Set<OrderStatus> successors() {
    return switch (this) {
      case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED, REFUNDED);
      case PAID -> EnumSet.of(PICKING, CANCELLED, REFUNDED);
      case PICKING -> EnumSet.of(OUT_FOR_DELIVERY);
      case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED);
      case EXPIRED -> EnumSet.of(PAID, REFUNDED);
      case CANCELLED -> EnumSet.of(REFUNDED);
      case DELIVERED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }
}
