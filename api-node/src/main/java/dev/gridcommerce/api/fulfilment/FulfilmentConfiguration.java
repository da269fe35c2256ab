package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.Orders;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fulfilment capability on the API node: delivery promises, and how well they are kept. */
@Configuration(proxyBeanMethods = false)
class FulfilmentConfiguration {

  /** The on-time rate and promise error of every store, from the order events (from now on). */
  @Bean(destroyMethod = "close")
  EventSubscription deliveryMetrics(Orders orders, MeterRegistry registry) {
    return orders.subscribe(DeliveryMetrics.SUBSCRIBER, new DeliveryMetrics(orders, registry));
  }
}
