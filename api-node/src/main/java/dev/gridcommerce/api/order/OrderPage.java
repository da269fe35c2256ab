package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.Page;
import java.util.List;

/** A page of orders, newest first, and how many there are in all. */
record OrderPage(long total, int page, int size, List<OrderView> items) {

  static final int MAX_SIZE = 100;

  static OrderPage of(Page<Order> orders) {
    return new OrderPage(
        orders.total(),
        orders.page(),
        orders.size(),
        orders.items().stream().map(OrderView::of).toList());
  }
}
