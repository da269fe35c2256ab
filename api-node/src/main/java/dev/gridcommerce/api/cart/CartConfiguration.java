package dev.gridcommerce.api.cart;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cart capability: shoppers' carts, and their holds at stores that reserve on add. */
@Configuration(proxyBeanMethods = false)
class CartConfiguration {

  @Bean
  Carts carts(
      HazelcastInstance grid,
      Clock clock,
      CartSettings settings,
      Catalog catalog,
      Inventory inventory) {
    return new Carts(grid, clock, settings.holdFor(), catalog, inventory);
  }
}
