package dev.gridcommerce.api.fulfilment;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.Orders;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fulfilment capability on the API node: delivery promises, and how well they are kept. */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

  /** Picking and dispatch in the dark stores. */
  @Bean
  Fulfilment fulfilment(
      HazelcastInstance grid, Orders orders, Inventory inventory, Catalog catalog) {
    return new Fulfilment(grid, orders, inventory, catalog);
  }

  /** The on-time rate and promise error of every store, from the order events (from now on). */
  @Bean(destroyMethod = "close")
  EventSubscription deliveryMetrics(Orders orders, MeterRegistry registry) {
    return orders.subscribe(DeliveryMetrics.SUBSCRIBER, new DeliveryMetrics(orders, registry));
  }
}
