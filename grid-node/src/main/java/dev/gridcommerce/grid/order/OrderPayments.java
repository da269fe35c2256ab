package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.GridMaps;
import java.time.Clock;
import java.util.List;

/**
 * What a successful payment does to an order and its stock (the payment provider's webhook calls
 * this; so may a retry of it, any number of times).
 *
 * <p>An unpaid order becomes paid and its held units sold, exactly once. A payment that arrives
 * after the order expired sells the units anyway if the stock is still there (its own released
 * hold, or other available units), all lines or none; otherwise the order is marked for refund. A
 * paid order is never left without its stock.
 */
public final class OrderPayments {

  public enum Result {
    /** The order is paid now and its units are sold. */
    PAID,
    /** The order was paid before; nothing changed. */
    ALREADY_PAID,
    /** The order can't take the payment (cancelled, or expired with its stock gone): refund it. */
    REFUND_DUE,
    /** The order is still applying an earlier change; the payment should be retried shortly. */
    RETRY,
    /** No order has that id. */
    UNKNOWN_ORDER
  }

  private final GridMaps maps;
  private final Clock clock;
  private final OrderSettlement settlement;

  public OrderPayments(GridMaps maps, Clock clock) {
    this.maps = maps;
    this.clock = clock;
    this.settlement = new OrderSettlement(maps, clock);
  }

  public Result paid(String orderId) {
    OrderChange change = maps.orders().executeOnKey(orderId, new PayProcessor(clock.instant()));
    return switch (change.verdict()) {
      case CHANGED -> settledPayment(settlement.settle(change.order()));
      case UNCHANGED -> {
        settlement.settle(change.order());
        yield Result.ALREADY_PAID;
      }
      case ILLEGAL -> afterward(change.order());
      case PENDING -> Result.RETRY;
      case MISSING -> Result.UNKNOWN_ORDER;
    };
  }

  private Result settledPayment(Order order) {
    return order.status() == OrderStatus.PAID ? Result.PAID : Result.REFUND_DUE;
  }

  private Result afterward(Order order) {
    return switch (order.status()) {
      case EXPIRED -> payLate(order);
      case PICKING, OUT_FOR_DELIVERY, DELIVERED -> Result.ALREADY_PAID;
      case CANCELLED, REFUNDED -> Result.REFUND_DUE;
      case PENDING_PAYMENT, PAID -> Result.RETRY; // moved on between the two reads
    };
  }

  /**
   * Sells every line to the expired order, then makes it paid. Short of stock, or beaten to the
   * order by its refund, it gives back what it sold, but only once the order is refunded (a
   * duplicate of this payment may have made it paid meanwhile, with these very units).
   */
  private Result payLate(Order order) {
    List<StockOutcome> sold = settlement.applyToEveryLine(order, StockEffect.SELL);
    if (sold.stream().allMatch(StockOutcome.Done.class::isInstance)) {
      OrderChange paid =
          maps.orders().executeOnKey(order.id(), new PayLateProcessor(clock.instant()));
      switch (paid.verdict()) {
        case CHANGED:
          return Result.PAID;
        case UNCHANGED:
          return Result.ALREADY_PAID;
        default:
          if (paid.order() != null && isPaid(paid.order().status())) {
            return Result.ALREADY_PAID;
          }
      }
    }
    OrderChange refund =
        maps.orders()
            .executeOnKey(
                order.id(), new MoveOrderProcessor(OrderStatus.REFUNDED, clock.instant()));
    if (refund.order() != null && refund.order().status() == OrderStatus.REFUNDED) {
      settlement.applyToEveryLine(order, StockEffect.RETURN_SOLD);
      return Result.REFUND_DUE;
    }
    return Result.ALREADY_PAID;
  }

  private static boolean isPaid(OrderStatus status) {
    return switch (status) {
      case PAID, PICKING, OUT_FOR_DELIVERY, DELIVERED -> true;
      case PENDING_PAYMENT, EXPIRED, CANCELLED, REFUNDED -> false;
    };
  }
}
