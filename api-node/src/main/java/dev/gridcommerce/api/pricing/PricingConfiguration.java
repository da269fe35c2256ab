package dev.gridcommerce.api.pricing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.pricing.Vouchers;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pricing capability's door on this node: vouchers (tax and fees are rules in the domain). */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

  @Bean
  Vouchers vouchers(HazelcastInstance grid, Clock clock) {
    return new Vouchers(grid, clock);
  }
}
