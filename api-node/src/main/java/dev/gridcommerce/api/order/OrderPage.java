package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.order.Order;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A page of orders, newest first, and how many there are in all. */
public record OrderPage(long total, int page, int size, List<OrderView> items) {

  public static final int MAX_SIZE = 100;

  public static OrderPage of(Collection<Order> orders, int page, int size) {
    List<OrderView> items =
        orders.stream()
            .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id))
            .skip((long) page * size)
            .limit(size)
            .map(OrderView::of)
            .toList();
    return new OrderPage(orders.size(), page, size, items);
  }
}
