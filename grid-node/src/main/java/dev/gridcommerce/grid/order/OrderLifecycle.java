package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.Tracing;
import java.time.Clock;
import java.util.UUID;

/**
 * Moves orders along their state machine: the status change (with its event) on the order's key,
 * then its stock change on each line's stock. A caller that dies in between leaves the stock change
 * pending on the order, and the sweep applies it.
 */
final class OrderLifecycle {

  private final IMap<String, Order> orders;
  private final OrderSettlement settlement;
  private final Clock clock;

  OrderLifecycle(IMap<String, Order> orders, OrderSettlement settlement, Clock clock) {
    this.orders = orders;
    this.settlement = settlement;
    this.clock = clock;
  }

  /** Moves the order to {@code to} and applies the move's stock change before answering. */
  OrderChange move(String orderId, OrderStatus to) {
    return move(orderId, to, null, null);
  }

  /**
   * {@link #move(String, OrderStatus)} of an order of that shopper or that store only (either may
   * be null). A request repeated after its first try failed midway finishes what that try left: a
   * move already made has its stock change applied, and a stock change still pending from an
   * earlier move is applied before the move is tried once more.
   */
  OrderChange move(String orderId, OrderStatus to, String shopperId, String storeId) {
    return change(
        orderId,
        new MoveOrderProcessor(
            to, clock.instant(), UUID.randomUUID().toString(), "", shopperId, storeId));
  }

  /**
   * Changes the order by {@code update} and applies the stock change it asks for before answering;
   * a stock change still pending from an earlier change is applied first, and the update tried once
   * more.
   */
  OrderChange change(String orderId, OrderUpdate update) {
    OrderChange change = orders.executeOnKey(orderId, Tracing.step(update));
    if (change.verdict() == OrderChange.Verdict.PENDING) {
      settlement.settle(change.order());
      change = orders.executeOnKey(orderId, Tracing.step(update));
    }
    return switch (change.verdict()) {
      case CHANGED, UNCHANGED ->
          new OrderChange(change.verdict(), settlement.settle(change.order()));
      case ILLEGAL, PENDING, MISSING -> change;
    };
  }
}
