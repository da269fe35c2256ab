package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import java.time.Clock;
import java.time.Duration;

/**
 * Lets closed orders ({@link OrderStatus#closed()}, with nothing left to apply to the stock) leave
 * the grid once they have been closed for the retention time. They stay in PostgreSQL and load back
 * by id; a shopper's history finds them through the shopper's order index. {@code evict} only drops
 * the in-memory copy, never the stored row. An order that still owes a refund ({@link
 * Order#refundOwed}: its refund could not be made yet) stays, so the reconciliation finds it.
 */
final class ClosedOrderEviction {

  private final IMap<String, Order> orders;
  private final Clock clock;

  ClosedOrderEviction(IMap<String, Order> orders, Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  /** Evicts the closed orders last changed before the retention time; answers how many. */
  int run(Duration retention) {
    long cutoff = clock.instant().minus(retention).toEpochMilli();
    Predicate<String, Order> closedLongAgo =
        Predicates.and(
            Predicates.in(
                "status", OrderStatus.closed().stream().map(Enum::name).toArray(String[]::new)),
            Predicates.equal("pendingStock", StockEffect.NONE.name()),
            Predicates.lessThan("updatedAt", cutoff));
    int evicted = 0;
    for (Order order : orders.values(closedLongAgo)) {
      if (!order.refundOwed().isPositive()) {
        orders.evict(order.id());
        evicted++;
      }
    }
    return evicted;
  }
}
