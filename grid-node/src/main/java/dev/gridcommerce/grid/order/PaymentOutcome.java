package dev.gridcommerce.grid.order;

/** What a successful payment did to its order. */
public enum PaymentOutcome {
  /** The order is paid now and its units are sold. */
  PAID,
  /** The order was paid by this very payment before; nothing changed. */
  ALREADY_PAID,
  /**
   * The order can't keep the money: it was cancelled, or expired with its stock gone (it is
   * refunded), or another payment paid it already. Refund this payment.
   */
  REFUND_DUE,
  /** The order is still applying an earlier change; send the payment again shortly. */
  RETRY,
  /** No order has that id. */
  UNKNOWN_ORDER
}
