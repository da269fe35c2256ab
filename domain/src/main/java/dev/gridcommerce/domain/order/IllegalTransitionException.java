package dev.gridcommerce.domain.order;

/** An order was asked to move to a status its state machine does not allow from where it is. */
public final class IllegalTransitionException extends RuntimeException {

  private final OrderStatus from;
  private final OrderStatus to;

  public IllegalTransitionException(OrderStatus from, OrderStatus to) {
    super("an order can't move from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public OrderStatus from() {
    return from;
  }

  public OrderStatus to() {
    return to;
  }
}
