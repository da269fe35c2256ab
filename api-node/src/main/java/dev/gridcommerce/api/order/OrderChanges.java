package dev.gridcommerce.api.order;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.OrderLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Moves an order for a shopper or staff member, answering refusals as problems. */
@Component
public class OrderChanges {

  private final OrderLifecycle lifecycle;

  OrderChanges(OrderLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  public Order move(String orderId, OrderStatus to) {
    OrderChange change = lifecycle.move(orderId, to);
    return switch (change.verdict()) {
      case CHANGED, UNCHANGED -> change.order();
      case ILLEGAL ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "illegal-transition",
              "Order can't move there",
              "an order can't move from " + change.order().status() + " to " + to);
      case PENDING ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "order-busy",
              "Order busy",
              "the order is still applying its last change; retry in a few seconds");
      case MISSING -> throw ApiProblem.notFound("no order has the id '" + orderId + "'");
    };
  }
}
