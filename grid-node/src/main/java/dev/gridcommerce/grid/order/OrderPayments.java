package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.StockEffect;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What a successful payment does to an order and its stock (the payment provider's webhook calls
 * this; so may a retry of it, any number of times).
 *
 * <p>An unpaid order becomes paid and its held units sold, exactly once. A payment that arrives
 * after the order expired sells the units anyway if the stock is still there (its own released
 * hold, or other available units), all lines or none; otherwise the order is refunded. A paid order
 * is never left without its stock, and a second payment of a paid order is due back.
 */
final class OrderPayments {

  private final IMap<String, Order> orders;
  private final OrderSettlement settlement;
  private final Clock clock;

  OrderPayments(IMap<String, Order> orders, OrderSettlement settlement, Clock clock) {
    this.orders = orders;
    this.settlement = settlement;
    this.clock = clock;
  }

  PaymentOutcome paid(String orderId, PaymentReference payment) {
    OrderChange change =
        orders.executeOnKey(orderId, new PayProcessor(payment, clock.instant(), eventId()));
    return switch (change.verdict()) {
      case CHANGED -> settledPayment(settlement.settle(change.order()));
      case UNCHANGED -> {
        settlement.settle(change.order());
        yield paidBy(change.order(), payment);
      }
      case ILLEGAL -> afterward(change.order(), payment);
      case PENDING -> PaymentOutcome.RETRY;
      case MISSING -> PaymentOutcome.UNKNOWN_ORDER;
    };
  }

  OrderChange failed(String orderId, String failureId, String reason) {
    return orders.executeOnKey(
        orderId, new PaymentFailedProcessor(reason, clock.instant(), failureId));
  }

  private static PaymentOutcome settledPayment(Order order) {
    return order.status() == OrderStatus.PAID ? PaymentOutcome.PAID : PaymentOutcome.REFUND_DUE;
  }

  /**
   * A paid order's answer to a payment: its own payment again, or a second one (refund it). An
   * order paid before payments were recorded with it has none to compare, and is taken as paid by
   * this one.
   */
  private static PaymentOutcome paidBy(Order order, PaymentReference payment) {
    return order.payment() == null || payment.equals(order.payment())
        ? PaymentOutcome.ALREADY_PAID
        : PaymentOutcome.REFUND_DUE;
  }

  private PaymentOutcome afterward(Order order, PaymentReference payment) {
    if (order.status() == OrderStatus.EXPIRED) {
      return payLate(order, payment);
    }
    if (order.status().isPaid()) {
      return paidBy(order, payment);
    }
    return switch (order.status()) {
      case PENDING_PAYMENT -> PaymentOutcome.RETRY; // moved on between the two reads
      case CANCELLED -> payCancelled(order, payment);
      // refunded: a copy of the payment it gives back, or another payment
      default ->
          payment.equals(order.payment()) ? PaymentOutcome.ALREADY_PAID : PaymentOutcome.REFUND_DUE;
    };
  }

  /**
   * A payment of a cancelled order: the copy of the payment that paid it before it was cancelled
   * (its refund follows the cancellation), or a payment that came after an unpaid order was
   * cancelled, which makes the order refunded, so the payment goes back.
   */
  private PaymentOutcome payCancelled(Order order, PaymentReference payment) {
    if (order.refundOwed().isPositive() && payment.equals(order.payment())) {
      return PaymentOutcome.ALREADY_PAID;
    }
    OrderChange refund =
        refunded(order, payment, "the payment arrived after the order was cancelled");
    return refund.verdict() == OrderChange.Verdict.PENDING
        ? PaymentOutcome.RETRY
        : PaymentOutcome.REFUND_DUE;
  }

  /**
   * Sells every line to the expired order, then makes it paid. Short of stock, or beaten to the
   * order by its refund, it gives back what it sold, but only once the order is refunded (a
   * duplicate of this payment may have made it paid meanwhile, with these very units).
   */
  private PaymentOutcome payLate(Order order, PaymentReference payment) {
    List<StockOutcome> sold = settlement.applyToEveryLine(order, StockEffect.SELL);
    if (sold.stream().allMatch(StockOutcome.Done.class::isInstance)) {
      OrderChange paid =
          orders.executeOnKey(
              order.id(), new PayLateProcessor(payment, clock.instant(), eventId()));
      switch (paid.verdict()) {
        case CHANGED:
          settlement.countSold(order, StockEffect.SELL); // sold here, not by a settling
          return PaymentOutcome.PAID;
        case UNCHANGED:
          return paidBy(paid.order(), payment);
        default:
          if (paid.order() != null && paid.order().status().isPaid()) {
            return paidBy(paid.order(), payment);
          }
      }
    }
    OrderChange refund =
        refunded(order, payment, "the payment arrived after expiry and the stock was gone");
    if (refund.order() != null && refund.order().status() == OrderStatus.REFUNDED) {
      settlement.applyToEveryLine(order, StockEffect.RETURN_SOLD);
      return PaymentOutcome.REFUND_DUE;
    }
    if (refund.verdict() == OrderChange.Verdict.PENDING) {
      // the expiry's release is still being applied, so no payment made the order paid
      settlement.applyToEveryLine(order, StockEffect.RETURN_SOLD);
      return PaymentOutcome.RETRY;
    }
    return refund.order() != null && refund.order().status().isPaid()
        ? paidBy(refund.order(), payment)
        : PaymentOutcome.RETRY;
  }

  /** Makes the order refunded: {@code payment} can't be kept, and goes back (see Payments). */
  private OrderChange refunded(Order order, PaymentReference payment, String why) {
    return orders.executeOnKey(
        order.id(), new RefundDueProcessor(payment, clock.instant(), eventId(), why));
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }
}
