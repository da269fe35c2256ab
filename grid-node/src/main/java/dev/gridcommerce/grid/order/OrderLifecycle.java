package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
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
    OrderChange change =
        orders.executeOnKey(
            orderId, new MoveOrderProcessor(to, clock.instant(), UUID.randomUUID().toString(), ""));
    if (change.changed()) {
      return new OrderChange(OrderChange.Verdict.CHANGED, settlement.settle(change.order()));
    }
    return change;
  }
}
