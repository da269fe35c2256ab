package dev.gridcommerce.api.inventory;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.inventory.Inventory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inventory capability: the dark stores' stock. */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

  @Bean
  Inventory inventory(HazelcastInstance grid, Clock clock) {
    return new Inventory(grid, clock);
  }
}
