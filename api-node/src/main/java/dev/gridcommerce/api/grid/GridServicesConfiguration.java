package dev.gridcommerce.api.grid;

import dev.gridcommerce.api.checkout.CheckoutSettings;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.IdempotentCheckout;
import dev.gridcommerce.grid.order.OrderLifecycle;
import dev.gridcommerce.grid.order.OrderPayments;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grid's use cases, as the API node calls them. */
@Configuration(proxyBeanMethods = false)
class GridServicesConfiguration {

  @Bean
  Carts carts(GridMaps maps, Clock clock, CheckoutSettings settings) {
    return new Carts(maps, clock, settings.policy());
  }

  @Bean
  Checkout checkout(GridMaps maps, Clock clock, CheckoutSettings settings) {
    return new Checkout(maps, clock, settings.policy());
  }

  @Bean
  IdempotentCheckout idempotentCheckout(GridMaps maps, Checkout checkout, Clock clock) {
    return new IdempotentCheckout(maps, checkout, clock);
  }

  @Bean
  OrderLifecycle orderLifecycle(GridMaps maps, Clock clock) {
    return new OrderLifecycle(maps, clock);
  }

  @Bean
  OrderPayments orderPayments(GridMaps maps, Clock clock) {
    return new OrderPayments(maps, clock);
  }
}
