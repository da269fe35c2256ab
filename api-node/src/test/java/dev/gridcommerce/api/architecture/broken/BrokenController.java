package dev.gridcommerce.api.architecture.broken;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;

/** A controller that reaches into a grid map: the architecture rules must refuse it. */
public class BrokenController {

  private final IMap<String, Order> orders;

  BrokenController(GridMaps maps) {
    this.orders = maps.orders();
  }

  Order order(String id) {
    return orders.get(id);
  }
}
