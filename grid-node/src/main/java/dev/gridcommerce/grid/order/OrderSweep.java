package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.inventory.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass of the sweep that keeps every held unit tied to a live unpaid order (rule 5):
 *
 * <ol>
 *   <li>unpaid orders past their expiry become EXPIRED (with their event) and their holds are
 *       released;
 *   <li>stock changes that orders left pending (their caller died between the status change and the
 *       stock change) are applied;
 *   <li>holds past their expiry whose holder no longer needs them are released: holds of orders
 *       that were never written (the API node died between holding and writing the order), of
 *       orders that hold no stock any more, and of carts that reserved on add-to-cart. A paid
 *       order's expired hold is sold instead.
 * </ol>
 *
 * Every step is idempotent and safe to run while shoppers, staff and payments change the same
 * orders and stock: each order's status changes on its own key, so of an expiry and a payment
 * exactly one wins. Runs on one member at a time ({@link OrderHousekeeping}); can be run by hand.
 */
final class OrderSweep {

  /** Every stock effect but NONE: an {@code in} the hash index answers, unlike a {@code not}. */
  private static final String[] UNSETTLED =
      Arrays.stream(StockEffect.values())
          .filter(effect -> effect != StockEffect.NONE)
          .map(StockEffect::name)
          .toArray(String[]::new);

  private final IMap<String, Order> orders;
  private final OrderSettlement settlement;
  private final Inventory inventory;
  private final Clock clock;

  OrderSweep(
      IMap<String, Order> orders, OrderSettlement settlement, Inventory inventory, Clock clock) {
    this.orders = orders;
    this.settlement = settlement;
    this.inventory = inventory;
    this.clock = clock;
  }

  SweepReport run() {
    Instant now = clock.instant();
    int expired = expireDueOrders(now);
    int settled = settlePendingOrders();
    int released = releaseAbandonedHolds(now);
    return new SweepReport(expired, settled, released);
  }

  private int expireDueOrders(Instant now) {
    Predicate<String, Order> due = Predicates.lessEqual("payableUntil", now.toEpochMilli());
    int expired = 0;
    for (String orderId : orders.keySet(due)) {
      OrderChange change =
          orders.executeOnKey(orderId, new ExpireIfDueProcessor(now, UUID.randomUUID().toString()));
      if (change.changed()) {
        settlement.settle(change.order());
        expired++;
      }
    }
    return expired;
  }

  private int settlePendingOrders() {
    Collection<Order> pending = orders.values(Predicates.in("pendingStock", UNSETTLED));
    pending.forEach(settlement::settle);
    return pending.size();
  }

  private int releaseAbandonedHolds(Instant now) {
    Map<String, List<StockKey>> keysByHolder = inventory.expiredHolds(now);
    if (keysByHolder.isEmpty()) {
      return 0;
    }
    Map<String, Order> holders = orders.getAll(keysByHolder.keySet());
    int released = 0;
    for (Map.Entry<String, List<StockKey>> holder : keysByHolder.entrySet()) {
      Order order = holders.get(holder.getKey());
      if (order == null || !order.status().holdsStock()) {
        inventory.release(holder.getKey(), holder.getValue());
        released += holder.getValue().size();
      } else if (order.status().holdsSoldStock() && order.isSettled()) {
        inventory.sell(order.id(), unitsOf(order, holder.getValue()));
      }
      // an unpaid order past expiry was expired above; one moving on settles itself
    }
    return released;
  }

  private static Map<StockKey, Integer> unitsOf(Order order, List<StockKey> keys) {
    Set<StockKey> wanted = new HashSet<>(keys);
    Map<StockKey, Integer> units = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      StockKey key = new StockKey(order.storeId(), line.sku());
      if (wanted.contains(key)) {
        units.put(key, line.quantity());
      }
    }
    return units;
  }
}
