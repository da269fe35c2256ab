package dev.gridcommerce.api.order;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order capability: orders, their events, and live tracking of them on this node. */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

  @Bean
  Orders orders(HazelcastInstance grid, Clock clock, Inventory inventory) {
    return new Orders(grid, clock, inventory);
  }

  @Bean
  OrderTracking orderTracking(Orders orders, OrderTrackingSettings settings) {
    return new OrderTracking(orders, settings);
  }
}
