package dev.gridcommerce.grid.sweep;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.inventory.FindExpiredHoldsProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.inventory.SellProcessor;
import dev.gridcommerce.grid.inventory.StockChanges;
import dev.gridcommerce.grid.order.ExpireIfDueProcessor;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.OrderSettlement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the sweep that keeps every held unit tied to a live unpaid order (rule 5):
 *
 * <ol>
 *   <li>unpaid orders past their expiry become EXPIRED and their holds are released;
 *   <li>stock changes that orders left pending (their caller died between the status change and the
 *       stock change) are applied;
 *   <li>holds past their expiry whose holder no longer needs them are released: holds of orders
 *       that were never written (the API node died between holding and writing the order), of
 *       orders already expired or cancelled, and of carts that reserved on add-to-cart. A paid
 *       order's expired hold is sold instead.
 * </ol>
 *
 * Every step is idempotent and safe to run while shoppers, staff and payments change the same
 * orders and stock: each order's status changes on its own key, so of an expiry and a payment
 * exactly one wins. Runs on one member at a time ({@link StockSweeper}); can be run by hand.
 */
public final class StockSweep {

  /** What one pass did. */
  public record Report(int expiredOrders, int settledOrders, int releasedHolds) {
    public boolean didSomething() {
      return expiredOrders + settledOrders + releasedHolds > 0;
    }
  }

  private final GridMaps maps;
  private final OrderSettlement settlement;
  private final Clock clock;

  public StockSweep(GridMaps maps, Clock clock) {
    this.maps = maps;
    this.settlement = new OrderSettlement(maps, clock);
    this.clock = clock;
  }

  public Report run() {
    Instant now = clock.instant();
    int expired = expireDueOrders(now);
    int settled = settlePendingOrders();
    int released = releaseAbandonedHolds(now);
    return new Report(expired, settled, released);
  }

  private int expireDueOrders(Instant now) {
    Predicate<String, Order> due =
        Predicates.and(
            Predicates.equal("status", OrderStatus.PENDING_PAYMENT.name()),
            Predicates.lessEqual("expiresAt", now.toEpochMilli()));
    int expired = 0;
    for (String orderId : maps.orders().keySet(due)) {
      OrderChange change = maps.orders().executeOnKey(orderId, new ExpireIfDueProcessor(now));
      if (change.changed()) {
        settlement.settle(change.order());
        expired++;
      }
    }
    return expired;
  }

  private int settlePendingOrders() {
    Collection<Order> pending =
        maps.orders().values(Predicates.notEqual("pendingStock", StockEffect.NONE.name()));
    pending.forEach(settlement::settle);
    return pending.size();
  }

  private int releaseAbandonedHolds(Instant now) {
    Map<StockKey, String[]> expiredHolds =
        maps.inventory().executeOnEntries(new FindExpiredHoldsProcessor(now));
    Map<String, List<StockKey>> keysByHolder = new HashMap<>();
    expiredHolds.forEach((key, holders) -> {
      for (String holder : holders) {
        keysByHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(key);
      }
    });
    if (keysByHolder.isEmpty()) {
      return 0;
    }
    Map<String, Order> orders = maps.orders().getAll(keysByHolder.keySet());
    int released = 0;
    for (Map.Entry<String, List<StockKey>> holder : keysByHolder.entrySet()) {
      Order order = orders.get(holder.getKey());
      if (order == null || releasesItsHolds(order.status())) {
        new StockChanges(maps.inventory())
            .applyToEach(holder.getValue(), new ReleaseHoldProcessor(holder.getKey()));
        released += holder.getValue().size();
      } else if (isPaid(order.status()) && order.isSettled()) {
        order
            .lines()
            .forEach(line ->
                maps.inventory()
                    .executeOnKey(
                        new StockKey(order.storeId(), line.sku()),
                        new SellProcessor(order.id(), line.quantity())));
      }
      // an unpaid order past expiry was expired above; one moving on settles itself
    }
    return released;
  }

  private static boolean releasesItsHolds(OrderStatus status) {
    return status == OrderStatus.EXPIRED
        || status == OrderStatus.CANCELLED
        || status == OrderStatus.REFUNDED;
  }

  private static boolean isPaid(OrderStatus status) {
    return status == OrderStatus.PAID || status == OrderStatus.PICKING;
  }
}
