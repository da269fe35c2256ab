package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.GridMaps;
import java.time.Clock;

/**
 * Moves orders along their state machine: the status change on the order's key, then its stock
 * change on each line's stock. A caller that dies in between leaves the stock change pending on the
 * order, and the sweep applies it.
 */
public final class OrderLifecycle {

  private final GridMaps maps;
  private final OrderSettlement settlement;
  private final Clock clock;

  public OrderLifecycle(GridMaps maps, Clock clock) {
    this.maps = maps;
    this.settlement = new OrderSettlement(maps, clock);
    this.clock = clock;
  }

  /** Moves the order to {@code to} and applies the move's stock change before answering. */
  public OrderChange move(String orderId, OrderStatus to) {
    OrderChange change =
        maps.orders().executeOnKey(orderId, new MoveOrderProcessor(to, clock.instant()));
    if (change.changed()) {
      return new OrderChange(OrderChange.Verdict.CHANGED, settlement.settle(change.order()));
    }
    return change;
  }

  public OrderSettlement settlement() {
    return settlement;
  }
}
