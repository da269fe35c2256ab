package dev.gridcommerce.domain.order;

/**
 * What happened to an order: one type per status change; and, without one, its payment started (the
 * PaymentIntent made), a payment attempt that failed, a partial refund.
 */
public enum OrderEventType {
  PLACED,
  PAYMENT_STARTED,
  PAID,
  PAYMENT_FAILED,
  REFUND_RECORDED,
  CANCELLED,
  EXPIRED,
  REFUNDED,
  PICKING_STARTED,
  OUT_FOR_DELIVERY,
  DELIVERED;

  /** The event of a move to {@code status}. */
  public static OrderEventType ofMoveTo(OrderStatus status) {
    return switch (status) {
      case PENDING_PAYMENT -> PLACED;
      case PAID -> PAID;
      case PICKING -> PICKING_STARTED;
      case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
      case DELIVERED -> DELIVERED;
      case CANCELLED -> CANCELLED;
      case EXPIRED -> EXPIRED;
      case REFUNDED -> REFUNDED;
    };
  }
}
