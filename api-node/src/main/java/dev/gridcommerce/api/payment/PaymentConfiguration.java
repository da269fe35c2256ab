package dev.gridcommerce.api.payment;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.grid.GridSettings;
import dev.gridcommerce.grid.MemberSettings;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.payment.Payments;
import dev.gridcommerce.grid.payment.StripeGateway;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment capability: orders' PaymentIntents at Stripe (when {@code STRIPE_SECRET_KEY} is set),
 * and what Stripe reports, applied to orders. In embedded mode this node is the grid, so it also
 * runs the grid's payment upkeep (refunds, cancelled intents, reconciliation); in client mode the
 * grid nodes do.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PaymentConfiguration.class);

  @Bean
  Payments payments(Orders orders, StripeSettings settings, Clock clock) {
    return new Payments(orders, settings.gateway().map(StripeGateway::new).orElse(null), clock);
  }

  /** The grid's payment upkeep, when this node is the grid and takes payments. */
  @Bean(destroyMethod = "close")
  AutoCloseable paymentUpkeep(
      Payments payments, HazelcastInstance grid, GridSettings gridSettings, StripeSettings stripe) {
    if (!payments.takesPayments()) {
      log.warn(
          "No STRIPE_SECRET_KEY: orders are placed without a payment and can't be paid"
              + " (bin/demo starts the Stripe stand-in for that)");
      return () -> {};
    }
    log.info("Payments through {}", stripe.gateway().orElseThrow().apiBase());
    if (gridSettings.mode() != GridSettings.Mode.EMBEDDED) {
      return () -> {};
    }
    MemberSettings member = MemberSettings.of(grid.getConfig());
    return payments.followOrders(grid, member.reconcileEvery(), member.reconcileAfter());
  }
}
