package dev.gridcommerce.api.payment;

import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.payment.Payments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment capability: what Stripe reports, applied to orders. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  @Bean
  Payments payments(Orders orders) {
    return new Payments(orders);
  }
}
