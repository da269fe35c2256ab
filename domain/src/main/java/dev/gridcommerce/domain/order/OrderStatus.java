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
  /** Picked and bagged, waiting for a rider. */
  PACKED,
  OUT_FOR_DELIVERY,
  DELIVERED,
  /** The rider couldn't hand it over; its units came back to the store. */
  FAILED_DELIVERY,
  CANCELLED,
  EXPIRED,
  REFUNDED;

  private static final Set<OrderStatus> OPEN =
      EnumSet.of(PENDING_PAYMENT, PAID, PICKING, PACKED, OUT_FOR_DELIVERY);
  private static final Set<OrderStatus> PAID_FOR =
      EnumSet.of(PAID, PICKING, PACKED, OUT_FOR_DELIVERY, DELIVERED);

  public boolean canMoveTo(OrderStatus next) {
    return successors().contains(next);
  }

  /** The open orders: still being paid for, picked or delivered. */
  public static Set<OrderStatus> open() {
    return EnumSet.copyOf(OPEN);
  }

  /** The closed orders: delivered, failed to deliver, cancelled, expired or refunded. */
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
    return this == PAID || this == PICKING || this == PACKED;
  }

  /** Whether the order holds stock at all, unpaid or sold. */
  public boolean holdsStock() {
    return holdsUnpaidStock() || holdsSoldStock();
  }

  /**
   * Whether store staff move orders here: picking, packing, dispatch, delivery or its failure,
   * cancelling; payment, expiry and refunds happen by themselves.
   */
  public boolean isSetByStaff() {
    return this == PICKING
        || this == PACKED
        || this == OUT_FOR_DELIVERY
        || this == DELIVERED
        || this == FAILED_DELIVERY
        || this == CANCELLED;
  }

  /** Whether the shopper may still cancel: before the store starts picking. */
  public boolean isCancellable() {
    return this == PENDING_PAYMENT || this == PAID;
  }

  /**
   * The moves: paying, picking, packing, dispatch, delivery or its failure; cancelling before
   * dispatch (by the shopper only before picking; by the store while picking, which is also what
   * becomes of an order of which nothing could be picked); expiry of an unpaid order; a payment
   * that arrives after expiry makes the order paid if the stock is still there, else refunded; a
   * cancelled paid order is refunded; and an order whose payment the provider refunded in full
   * before it was picked (a refund arriving before the success it undoes, or made at the provider
   * by hand) ends refunded.
   */
  private Set<OrderStatus> successors() {
    return switch (this) {
      case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED, EXPIRED, REFUNDED);
      case PAID -> EnumSet.of(PICKING, CANCELLED, REFUNDED);
      case PICKING -> EnumSet.of(PACKED, CANCELLED);
      case PACKED -> EnumSet.of(OUT_FOR_DELIVERY, CANCELLED);
      case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, FAILED_DELIVERY);
      case EXPIRED -> EnumSet.of(PAID, REFUNDED);
      case CANCELLED -> EnumSet.of(REFUNDED);
      case DELIVERED, FAILED_DELIVERY, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }
}
