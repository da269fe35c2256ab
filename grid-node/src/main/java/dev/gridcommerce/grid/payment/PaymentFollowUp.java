package dev.gridcommerce.grid.payment;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.OrderEventHandler;
import dev.gridcommerce.grid.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the payment capability does when an order ends without going ahead, or is packed short (a
 * durable subscriber of the order events, so nothing is missed when a member dies; the
 * reconciliation calls it too, for orders that still owe money):
 *
 * <ul>
 *   <li>an order that owes money back (paid and cancelled, paid too late, paid after it was
 *       cancelled, packed with short lines, not delivered) is refunded through the provider, under
 *       a key that names the order and what was refunded before, so asking again is the same
 *       refund; the refund is recorded on the order. Refused (Stripe refunded some of it meanwhile,
 *       by hand), what Stripe has refunded is recorded and the rest, if any, is refunded next time;
 *       unavailable, the reconciliation tries again every interval, and the events of other orders
 *       go on meanwhile;
 *   <li>an order that expired or was cancelled unpaid has its intent cancelled, so nobody pays it
 *       any more; if Stripe says the intent was paid already (its success still on the way, or
 *       lost), that success is applied now, as a late payment.
 * </ul>
 */
final class PaymentFollowUp implements OrderEventHandler {

  private static final Logger log = LoggerFactory.getLogger(PaymentFollowUp.class);

  private final Orders orders;
  private final Payments payments;
  private final PaymentGateway gateway;

  PaymentFollowUp(Orders orders, Payments payments, PaymentGateway gateway) {
    this.orders = orders;
    this.payments = payments;
    this.gateway = gateway;
  }

  @Override
  public void handle(OrderEvent event) {
    switch (event.type()) {
      case EXPIRED, CANCELLED, REFUNDED, PACKED, FAILED_DELIVERY ->
          orders.find(event.orderId()).ifPresent(this::settle);
      default -> {}
    }
  }

  /**
   * Gives back what the order owes, or cancels the intent of an order nobody will pay; answers
   * whether a refund was made.
   */
  boolean settle(Order order) {
    if (order.payment() == null) {
      return false;
    }
    if (order.refundOwed().isPositive()) {
      return refund(order);
    }
    if ((order.status() == OrderStatus.EXPIRED || order.status() == OrderStatus.CANCELLED)
        && order.refunded().amountMinor() == 0) {
      cancelIntent(order);
    }
    return false;
  }

  private boolean refund(Order order) {
    Money owed = order.refundOwed();
    PaymentGateway.Refund refund;
    try {
      refund = gateway.refund(order.id(), order.payment().id(), owed, order.refunded());
    } catch (PaymentRefused refused) {
      recordWhatStripeRefunded(order, refused);
      return false;
    } catch (PaymentUnavailable unavailable) {
      log.warn(
          "order {} owes {} {} back; the refund is tried again by the reconciliation: {}",
          order.id(),
          owed.amountMinor(),
          owed.currency(),
          unavailable.getMessage());
      return false;
    }
    if (!"succeeded".equals(refund.status())) {
      log.info("refund {} of order {} is {}", refund.id(), order.id(), refund.status());
      return true; // its charge.refunded report records it once it succeeds
    }
    OrderChange recorded =
        orders.refundRecorded(
            order.id(),
            order.refunded().plus(refund.amount()),
            gateway.provider() + "-" + refund.id());
    if (recorded.verdict() == OrderChange.Verdict.PENDING) {
      // the refund's key makes the next try the same refund; it is recorded then
      throw new IllegalStateException(
          "order " + order.id() + " is busy; its refund is recorded later");
    }
    log.info(
        "order {} refunded {} {} ({})",
        order.id(),
        refund.amount().amountMinor(),
        refund.amount().currency(),
        refund.id());
    return true;
  }

  /**
   * Stripe refused the refund: most likely some of the payment was refunded meanwhile (by hand), so
   * the amount asked for is more than is left. What Stripe has refunded is recorded; what is still
   * owed after that is refunded next time, under the key of the new state.
   */
  private void recordWhatStripeRefunded(Order order, PaymentRefused refused) {
    try {
      Money atStripe = gateway.refunded(order.payment().id());
      OrderChange recorded =
          orders.refundRecorded(
              order.id(), atStripe, gateway.provider() + "-refunded-" + atStripe.amountMinor());
      Order now = recorded.order() == null ? order : recorded.order();
      if (now.refundOwed().isPositive()) {
        log.error(
            "order {} owes {} {} back and Stripe refused the refund ({}): someone has to look",
            order.id(),
            now.refundOwed().amountMinor(),
            now.refundOwed().currency(),
            refused.getMessage());
      }
    } catch (PaymentUnavailable | PaymentRefused unreadable) {
      log.warn("order {}: refund refused, and Stripe can't say why: {}", order.id(), unreadable);
    }
  }

  private void cancelIntent(Order order) {
    try {
      gateway.cancel(order.payment().id());
    } catch (PaymentRefused refused) {
      applyWhatStripeHas(order);
    } catch (PaymentUnavailable unavailable) {
      // best effort: a payment that still succeeds is sold late or refunded, like any late one
      log.warn("intent of order {} not cancelled: {}", order.id(), unavailable.getMessage());
    }
  }

  /** The intent can't be cancelled: it was cancelled already, or paid, or is being paid. */
  private void applyWhatStripeHas(Order order) {
    PaymentGateway.Intent intent = gateway.intent(order.payment().id());
    if (intent.succeeded()) {
      Payments.Verdict verdict =
          payments.succeeded(gateway.provider(), order.id(), intent.id(), intent.amount());
      log.info("order {} was paid at Stripe as it ended: {}", order.id(), verdict);
    } else if ("processing".equals(intent.status())) {
      throw new IllegalStateException("the payment of order " + order.id() + " is processing");
    }
  }
}
