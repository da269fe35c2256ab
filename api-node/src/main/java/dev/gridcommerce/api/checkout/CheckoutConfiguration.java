package dev.gridcommerce.api.checkout;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.fulfilment.DeliveryPromises;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checkout capability: carts become orders whose stock is held while the shopper pays. */
@Configuration(proxyBeanMethods = false)
class CheckoutConfiguration {

  @Bean
  Checkout checkout(
      HazelcastInstance grid,
      Clock clock,
      CheckoutSettings settings,
      Catalog catalog,
      Carts carts,
      Inventory inventory,
      Orders orders,
      DeliveryPromises promises) {
    return new Checkout(
        grid, clock, settings.holdFor(), catalog, carts, inventory, orders, promises);
  }
}
