package dev.gridcommerce.domain.order;

/**
 * What a status change asks of the stock of each of the order's lines. The order records the effect
 * as pending in the same step as the status change; once it is applied to every line the order is
 * settled again. A sweep finishes effects left pending by a caller that died midway.
 */
public enum StockEffect {
  /** Nothing to do. */
  NONE,
  /** Return the order's held (unpaid) units to available stock. */
  RELEASE,
  /** Turn the order's held units into sold ones. */
  SELL,
  /** Return the units of a paid order, cancelled before dispatch, to available stock. */
  RETURN_SOLD,
  /** The sold units leave the store with the courier. */
  DISPATCH,
  /**
   * Make the stock match the short lines' picks: the units not found go back to available stock and
   * each replacement's units are sold to the order.
   */
  PICK_SHORTFALL,
  /** The delivered-to-nobody units come back on hand as a customer return. */
  RETURN_DELIVERED;

  static StockEffect of(OrderStatus from, OrderStatus to) {
    return switch (to) {
      case PAID -> SELL;
      case CANCELLED -> from.holdsSoldStock() ? RETURN_SOLD : RELEASE;
      case EXPIRED -> RELEASE;
      case OUT_FOR_DELIVERY -> DISPATCH;
      case FAILED_DELIVERY -> RETURN_DELIVERED;
      case REFUNDED ->
          switch (from) {
            case PENDING_PAYMENT -> RELEASE;
            case PAID -> RETURN_SOLD;
            default -> NONE;
          };
      case PENDING_PAYMENT, PICKING, PACKED, DELIVERED -> NONE;
    };
  }
}
