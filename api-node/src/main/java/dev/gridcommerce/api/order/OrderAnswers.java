package dev.gridcommerce.api.order;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.order.OrderChange;
import org.springframework.http.HttpStatus;

/** How an asked-for move of an order is answered: the order, or the problem that stopped it. */
final class OrderAnswers {

  private OrderAnswers() {}

  static OrderView moved(OrderChange change, String orderId, OrderStatus to, String missing) {
    return switch (change.verdict()) {
      case CHANGED, UNCHANGED -> OrderView.of(change.order());
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
      case MISSING -> throw ApiProblem.notFound(missing + " '" + orderId + "'");
    };
  }
}
