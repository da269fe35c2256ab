package dev.gridcommerce.grid.payment;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.order.Orders;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation: each unpaid order placed before a time, whose payment was started, is looked
 * up at the provider; a succeeded intent is applied as a success and a cancelled one as a
 * cancellation, exactly as their webhook events would be (so a late or duplicated webhook changes
 * nothing more). Then every order in the grid that still owes money back (its refund failed while
 * the provider was unavailable) is refunded.
 */
final class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final Orders orders;
  private final Payments payments;
  private final PaymentGateway gateway;
  private final PaymentFollowUp followUp;

  Reconciler(Orders orders, Payments payments, PaymentGateway gateway, PaymentFollowUp followUp) {
    this.orders = orders;
    this.payments = payments;
    this.gateway = gateway;
    this.followUp = followUp;
  }

  Reconciliation run(Instant placedBefore) {
    int checked = 0;
    int paid = 0;
    int cancelled = 0;
    int unreachable = 0;
    for (Order order : orders.awaitingPayment(placedBefore)) {
      checked++;
      PaymentGateway.Intent intent;
      try {
        intent = gateway.intent(order.payment().id());
      } catch (PaymentUnavailable | PaymentRefused e) {
        log.warn("reconciliation: payment of order {}: {}", order.id(), e.getMessage());
        unreachable++;
        continue;
      }
      if (intent.succeeded()) {
        Payments.Verdict verdict =
            payments.succeeded(gateway.provider(), order.id(), intent.id(), intent.amount());
        if (verdict == Payments.Verdict.APPLIED) {
          log.info(
              "reconciliation: order {} paid by {} (no webhook came)", order.id(), intent.id());
          paid++;
        }
      } else if ("canceled".equals(intent.status())) {
        String reportId = gateway.provider() + "-reconciled-cancel-" + intent.id();
        if (payments.cancelled(gateway.provider(), order.id(), intent.id(), reportId)
            == Payments.Verdict.APPLIED) {
          cancelled++;
        }
      }
    }
    int refunded = 0;
    for (Order owing : orders.owingRefunds()) {
      if (followUp.settle(owing)) {
        refunded++;
      }
    }
    return new Reconciliation(checked, paid, cancelled, unreachable, refunded);
  }
}
