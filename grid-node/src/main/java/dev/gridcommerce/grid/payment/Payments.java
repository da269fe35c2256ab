package dev.gridcommerce.grid.payment;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment capability's door. Checkout starts an order's payment ({@link #start}: one
 * PaymentIntent per order); what the provider reports about it ({@link #succeeded}, {@link
 * #failed}, {@link #cancelled}, {@link #refunded}: from its webhook, or from a {@link #reconcile}
 * that asks it) is applied to the order; and the order's events are followed ({@link
 * #followOrders}) to give back what an order can't keep and to cancel the intents of orders nobody
 * will pay.
 *
 * <p>Each report may arrive many times and in any order: a success is applied once (the order's
 * payment processor is idempotent by the payment's id), a failure and a refund once per provider
 * report id, and refunds only grow. A success for an amount or currency other than the order's
 * total is not taken as payment: it is logged and put on the order's timeline as a failed payment.
 */
public final class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  /** What a report did. */
  public enum Verdict {
    /** The order changed: paid and its units sold, the failure or the refund recorded. */
    APPLIED,
    /** The order had this report already, or it doesn't concern it; nothing changed. */
    ALREADY_APPLIED,
    /**
     * The order can't keep the money (cancelled, expired with its stock gone, paid twice): it is
     * refunded, and the money goes back.
     */
    REFUND_DUE,
    /** The amount or currency paid is not the order's total: not paid. */
    AMOUNT_MISMATCH,
    /** No order has that id: acknowledged and logged. */
    UNKNOWN_ORDER,
    /** The order is busy with an earlier change: ask the provider to send it again. */
    RETRY_LATER
  }

  /**
   * What a shopper's browser needs to pay an order (Stripe's client secret and publishable key),
   * where the payment stands ({@code requires_payment_method}, {@code succeeded} ...), and the
   * order as it is now (with its payment named).
   */
  public record PaymentStart(
      Order order,
      String provider,
      String intentId,
      String clientSecret,
      String publishableKey,
      String status) {}

  private final Orders orders;
  private final PaymentGateway gateway;
  private final Clock clock;

  /**
   * @param gateway the provider, or null when none is configured: then no payment is started and
   *     only reports are applied
   */
  public Payments(Orders orders, PaymentGateway gateway, Clock clock) {
    this.orders = orders;
    this.gateway = gateway;
    this.clock = clock;
  }

  /** Whether a payment provider is configured (else orders are placed without a payment). */
  public boolean takesPayments() {
    return gateway != null;
  }

  /**
   * The order's payment, started at the provider on the first call (a PaymentIntent for its total,
   * under a key derived from the order, named on the order) and read back on every later one, so a
   * replayed checkout answers the same client secret. Empty without a provider, and for an order
   * that is no longer payable and never had an intent.
   *
   * @throws PaymentUnavailable when the provider can't be reached or fails after retries
   * @throws PaymentRefused when the provider refuses the intent
   */
  public Optional<PaymentStart> start(Order order) {
    if (gateway == null) {
      return Optional.empty();
    }
    PaymentGateway.Intent intent;
    Order now = order;
    if (order.payment() != null) {
      intent = gateway.intent(order.payment().id());
    } else if (order.status() == OrderStatus.PENDING_PAYMENT) {
      intent = gateway.intentFor(order.id(), order.shopperId(), order.total());
      OrderChange named =
          orders.paymentStarted(order.id(), new PaymentReference(gateway.provider(), intent.id()));
      if (named.verdict() == OrderChange.Verdict.ILLEGAL
          || named.verdict() == OrderChange.Verdict.MISSING) {
        // it expired or was cancelled meanwhile: nobody is to pay this intent
        log.info("order {} moved on while its payment {} started", order.id(), intent.id());
        cancelQuietly(intent.id());
        return Optional.empty();
      }
      now = named.order() == null ? order : named.order();
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new PaymentStart(
            now,
            gateway.provider(),
            intent.id(),
            intent.clientSecret(),
            gateway.publishableKey(),
            intent.status()));
  }

  private void cancelQuietly(String intentId) {
    try {
      gateway.cancel(intentId);
    } catch (PaymentUnavailable | PaymentRefused e) {
      log.warn("intent {} of an order that moved on stays: {}", intentId, e.getMessage());
    }
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

  /**
   * The provider cancelled payment {@code paymentId}: the order it was started for, if still
   * unpaid, is cancelled and its units released; any other order is left as it is.
   */
  public Verdict cancelled(String provider, String orderId, String paymentId, String reportId) {
    return verdictOf(
        orders
            .paymentCancelled(orderId, new PaymentReference(provider, paymentId), reportId)
            .verdict());
  }

  /**
   * The provider has refunded {@code refundedTotal} of the order's payment in all: recorded once;
   * in full, the order ends refunded (see {@link Order#refundRecorded}).
   */
  public Verdict refunded(String orderId, Money refundedTotal, String reportId) {
    Optional<Order> order = orders.find(orderId);
    if (order.isEmpty()) {
      log.warn("refund {} names order {}, which doesn't exist", reportId, orderId);
      return Verdict.UNKNOWN_ORDER;
    }
    if (!order.get().total().currency().equals(refundedTotal.currency())) {
      log.error("refund {} of order {} is in {}", reportId, orderId, refundedTotal.currency());
      return Verdict.AMOUNT_MISMATCH;
    }
    return verdictOf(orders.refundRecorded(orderId, refundedTotal, reportId).verdict());
  }

  /**
   * Asks the provider about the payment of every order still unpaid {@code olderThan} after it was
   * placed, and applies what it says through the same path as its webhook: a webhook lost on the
   * way still pays the order.
   */
  public Reconciliation reconcile(Duration olderThan) {
    return new Reconciler(orders, this, requireGateway(), followUp())
        .run(clock.instant().minus(olderThan));
  }

  /**
   * Follows the order events on this member, from now until it shuts down: refunds what an order
   * can't keep and cancels the intents of orders nobody will pay (one instance at a time across the
   * grid); and reconciles every {@code reconcileEvery} on the oldest member. Call once per member
   * that has the provider's settings.
   */
  public AutoCloseable followOrders(
      HazelcastInstance member, Duration reconcileEvery, Duration reconcileAfter) {
    return PaymentUpkeep.start(member, orders, this, followUp(), reconcileEvery, reconcileAfter);
  }

  private PaymentFollowUp followUp() {
    return new PaymentFollowUp(orders, this, requireGateway());
  }

  private PaymentGateway requireGateway() {
    if (gateway == null) {
      throw new IllegalStateException("no payment provider is configured");
    }
    return gateway;
  }

  static Verdict verdictOf(OrderChange.Verdict verdict) {
    return switch (verdict) {
      case CHANGED -> Verdict.APPLIED;
      case UNCHANGED, ILLEGAL -> Verdict.ALREADY_APPLIED;
      case PENDING -> Verdict.RETRY_LATER;
      case MISSING -> Verdict.UNKNOWN_ORDER;
    };
  }
}
