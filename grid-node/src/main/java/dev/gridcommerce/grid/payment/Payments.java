package dev.gridcommerce.grid.payment;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment capability's door: what the payment provider reports about an order's payment,
 * applied to the order. Each report may arrive many times and in any order: a success is applied
 * once (the order's payment processor is idempotent by the payment's id), a failure once per
 * provider event id. A success for an amount or currency other than the order's total is not taken
 * as payment: it is logged and put on the order's timeline as a failed payment.
 */
public final class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  /** What a report did. */
  public enum Verdict {
    /** The order changed: paid and its units sold, or the failure recorded. */
    APPLIED,
    /** The order had this report already; nothing changed. */
    ALREADY_APPLIED,
    /** The order can't keep the money (cancelled, expired with its stock gone, paid twice). */
    REFUND_DUE,
    /** The amount or currency paid is not the order's total: not paid. */
    AMOUNT_MISMATCH,
    /** No order has that id: acknowledged and logged. */
    UNKNOWN_ORDER,
    /** The order is busy with an earlier change: ask the provider to send it again. */
    RETRY_LATER
  }

  private final Orders orders;

  public Payments(Orders orders) {
    this.orders = orders;
  }

  /** The provider took {@code amount} for the order under payment {@code paymentId}. */
  public Verdict succeeded(String provider, String orderId, String paymentId, Money amount) {
    Optional<Order> order = orders.find(orderId);
    if (order.isEmpty()) {
      log.warn("{} payment {} names order {}, which doesn't exist", provider, paymentId, orderId);
      return Verdict.UNKNOWN_ORDER;
    }
    if (!order.get().total().equals(amount)) {
      String note =
          "paid "
              + amount.amountMinor()
              + " "
              + amount.currency()
              + " but the order's total is "
              + order.get().total().amountMinor()
              + " "
              + order.get().total().currency()
              + ": not taken as payment";
      log.error("{} payment {} for order {}: {}", provider, paymentId, orderId, note);
      Verdict recorded =
          verdictOf(
              orders.paymentFailed(orderId, provider + "-mismatch-" + paymentId, note).verdict());
      return recorded == Verdict.RETRY_LATER ? recorded : Verdict.AMOUNT_MISMATCH;
    }
    return switch (orders.paid(orderId, new PaymentReference(provider, paymentId))) {
      case PAID -> Verdict.APPLIED;
      case ALREADY_PAID -> Verdict.ALREADY_APPLIED;
      case REFUND_DUE -> {
        log.warn("{} payment {} for order {} is due back", provider, paymentId, orderId);
        yield Verdict.REFUND_DUE;
      }
      case RETRY -> Verdict.RETRY_LATER;
      case UNKNOWN_ORDER -> Verdict.UNKNOWN_ORDER;
    };
  }

  /** A payment attempt failed; {@code reportId} is the provider's id of the report. */
  public Verdict failed(String orderId, String reportId, String reason) {
    return verdictOf(orders.paymentFailed(orderId, reportId, reason).verdict());
  }

  private static Verdict verdictOf(dev.gridcommerce.grid.order.OrderChange.Verdict verdict) {
    return switch (verdict) {
      case CHANGED -> Verdict.APPLIED;
      case UNCHANGED, ILLEGAL -> Verdict.ALREADY_APPLIED;
      case PENDING -> Verdict.RETRY_LATER;
      case MISSING -> Verdict.UNKNOWN_ORDER;
    };
  }
}
