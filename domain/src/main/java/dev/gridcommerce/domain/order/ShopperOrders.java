package dev.gridcommerce.domain.order;

import java.util.ArrayList;
import java.util.List;

/** The ids of a shopper's orders, oldest first: the index of their order history. */
public record ShopperOrders(List<String> orderIds) {

  public ShopperOrders {
    orderIds = List.copyOf(orderIds);
  }

  public static ShopperOrders none() {
    return new ShopperOrders(List.of());
  }

  /** With the order added at the end; unchanged when it is there already. */
  public ShopperOrders with(String orderId) {
    if (orderIds.contains(orderId)) {
      return this;
    }
    List<String> next = new ArrayList<>(orderIds);
    next.add(orderId);
    return new ShopperOrders(next);
  }
}
