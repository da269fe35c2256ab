package dev.gridcommerce.domain.order;

/**
 * What happened to an order: one type per status change; and, without one, its payment started (the
 * PaymentIntent made), a payment attempt that failed, a partial refund, a line short at picking.
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
  /** A line was short at picking: its missing units are replaced or refunded (see the note). */
  LINE_SHORT,
  PACKED,
  OUT_FOR_DELIVERY,
  DELIVERED,
  FAILED_DELIVERY;

  /** The event of a move to {@code status}. */
  public static OrderEventType ofMoveTo(OrderStatus status) {
    return switch (status) {
      case PENDING_PAYMENT -> PLACED;
      case PAID -> PAID;
      case PICKING -> PICKING_STARTED;
      case PACKED -> PACKED;
      case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
      case DELIVERED -> DELIVERED;
      case FAILED_DELIVERY -> FAILED_DELIVERY;
      case CANCELLED -> CANCELLED;
      case EXPIRED -> EXPIRED;
      case REFUNDED -> REFUNDED;
    };
  }
}
