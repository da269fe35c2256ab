package dev.gridcommerce.grid.payment;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.OrderEventHandler;
import dev.gridcommerce.grid.order.Orders;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the payment capability does when an order ends without going ahead (a durable subscriber of
 * the order events, so nothing is missed when a member dies): an order that owes money back (it was
 * paid and cancelled, or paid too late, or after it was cancelled) is refunded through the
 * provider, once per order (the refund's key is derived from the order), and the refund recorded on
 * the order; an order that expired or was cancelled unpaid has its intent cancelled, best effort,
 * so nobody pays it any more. While the provider is unavailable the event is tried again, with a
 * growing pause, before any later one.
 */
final class PaymentFollowUp implements OrderEventHandler {

  private static final Logger log = LoggerFactory.getLogger(PaymentFollowUp.class);

  private final Orders orders;
  private final PaymentGateway gateway;

  PaymentFollowUp(Orders orders, PaymentGateway gateway) {
    this.orders = orders;
    this.gateway = gateway;
  }

  @Override
  public void handle(OrderEvent event) {
    switch (event.type()) {
      case EXPIRED, CANCELLED, REFUNDED -> {
        Optional<Order> order = orders.find(event.orderId());
        if (order.isEmpty() || order.get().payment() == null) {
          return;
        }
        if (order.get().refundOwed().isPositive()) {
          refund(order.get());
        } else if (!order.get().status().isPaid() && order.get().refunded().amountMinor() == 0) {
          cancelIntent(order.get());
        }
      }
      default -> {}
    }
  }

  private void refund(Order order) {
    PaymentGateway.Refund refund;
    try {
      refund = gateway.refund(order.id(), order.payment().id(), order.refundOwed());
    } catch (PaymentRefused refused) {
      // refunded at the provider already (its charge.refunded report records it), or a refund
      // the provider won't make: someone has to look at it
      log.error(
          "order {} owes {} {} back: {}",
          order.id(),
          order.refundOwed().amountMinor(),
          order.refundOwed().currency(),
          refused.getMessage());
      return;
    }
    if (!"succeeded".equals(refund.status())) {
      log.info("refund {} of order {} is {}", refund.id(), order.id(), refund.status());
      return; // its charge.refunded report records it once it succeeds
    }
    OrderChange recorded =
        orders.refundRecorded(
            order.id(),
            order.refunded().plus(refund.amount()),
            gateway.provider() + "-" + refund.id());
    if (recorded.verdict() == OrderChange.Verdict.PENDING) {
      throw new IllegalStateException(
          "order " + order.id() + " is busy; its refund is recorded later");
    }
    log.info(
        "order {} refunded {} {} ({})",
        order.id(),
        refund.amount().amountMinor(),
        refund.amount().currency(),
        refund.id());
  }

  private void cancelIntent(Order order) {
    try {
      gateway.cancel(order.payment().id());
    } catch (PaymentRefused alreadyDone) {
      log.debug("intent of order {} stays: {}", order.id(), alreadyDone.getMessage());
    } catch (PaymentUnavailable unavailable) {
      // best effort: a payment that still succeeds is refunded or sold late, like any late one
      log.warn("intent of order {} not cancelled: {}", order.id(), unavailable.getMessage());
    }
  }
}
