package dev.gridcommerce.domain.order;

/**
 * An order can't move on while the stock change of its last move is still being applied; that takes
 * moments (or one sweep interval when the caller that moved it died), so retrying helps.
 */
public final class StockChangePendingException extends RuntimeException {

  public StockChangePendingException(String orderId, StockEffect pending) {
    super(
        "order "
            + orderId
            + " is still applying its last stock change ("
            + pending
            + "); retry shortly");
  }
}
