package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.order.Order;

/** An {@link OrderUpdate} by a store's staff or riders: about an order of that store only. */
interface StoreOrderUpdate extends OrderUpdate {

  String storeId();

  @Override
  default boolean concerns(Order order) {
    return order.storeId().equals(storeId());
  }
}
