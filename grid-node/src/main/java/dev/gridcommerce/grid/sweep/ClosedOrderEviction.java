package dev.gridcommerce.grid.sweep;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.GridMaps;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Lets closed orders (delivered, cancelled, expired, refunded, with nothing left to apply to the
 * stock) leave the grid once they have been closed for the retention time. They stay in PostgreSQL
 * and load back by id; a shopper's history finds them through the shopper's order index. {@code
 * evict} only drops the in-memory copy, never the stored row.
 */
public final class ClosedOrderEviction {

  private final GridMaps maps;
  private final Clock clock;
  private final Duration retention;

  public ClosedOrderEviction(GridMaps maps, Clock clock, Duration retention) {
    this.maps = maps;
    this.clock = clock;
    this.retention = retention;
  }

  /** Evicts the closed orders last changed before the retention time; answers how many. */
  public int run() {
    long cutoff = clock.instant().minus(retention).toEpochMilli();
    Predicate<String, Order> closedLongAgo =
        Predicates.and(
            Predicates.in(
                "status",
                OrderStatus.DELIVERED.name(),
                OrderStatus.CANCELLED.name(),
                OrderStatus.EXPIRED.name(),
                OrderStatus.REFUNDED.name()),
            Predicates.equal("pendingStock", StockEffect.NONE.name()),
            Predicates.lessThan("updatedAt", cutoff));
    Set<String> keys = maps.orders().keySet(closedLongAgo);
    keys.forEach(maps.orders()::evict);
    return keys.size();
  }
}
