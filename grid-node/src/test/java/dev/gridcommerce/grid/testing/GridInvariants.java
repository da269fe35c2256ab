package dev.gridcommerce.grid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules of ARCHITECTURE.md as checks over the whole grid: every hold belongs to a live order
 * and matches its line exactly (held while unpaid, sold once paid), every live order holds all of
 * its lines, and so reserved stock equals the sum of live orders' units, per product.
 */
public final class GridInvariants {

  private GridInvariants() {}

  /** Asserts the rules over every order and every stock entry of the grid. */
  public static void assertConsistent(GridMaps maps) {
    Map<String, Order> orders = new HashMap<>(maps.orders());
    Map<StockKey, Stock> inventory = new HashMap<>(maps.inventory());
    Map<StockKey, Integer> promised = new HashMap<>();

    for (Order order : orders.values()) {
      assertThat(order.isSettled())
          .as("order %s has no stock change left pending", order.id())
          .isTrue();
      Hold.State expected = heldAs(order.status());
      for (Map.Entry<StockKey, Integer> held : unitsOf(order, expected).entrySet()) {
        StockKey key = held.getKey();
        Stock stock = inventory.get(key);
        var hold = stock == null ? java.util.Optional.<Hold>empty() : stock.holdOf(order.id());
        if (expected == null || held.getValue() == 0) {
          assertThat(hold)
              .as("%s order %s holds nothing of %s", order.status(), order.id(), key)
              .isEmpty();
        } else {
          assertThat(hold)
              .as("%s order %s holds its line of %s", order.status(), order.id(), key)
              .hasValueSatisfying(h -> {
                assertThat(h.quantity()).isEqualTo(held.getValue());
                assertThat(h.state()).isEqualTo(expected);
              });
          promised.merge(key, held.getValue(), Integer::sum);
        }
      }
    }
    inventory.forEach((key, stock) -> {
      assertThat(stock.reserved()).as("reserved of %s", key).isLessThanOrEqualTo(stock.onHand());
      assertThat(stock.reserved())
          .as("reserved of %s equals the units of its live orders", key)
          .isEqualTo(promised.getOrDefault(key, 0));
      stock
          .holds()
          .forEach(hold ->
              assertThat(orders)
                  .as("hold of %s on %s belongs to an order", hold.orderId(), key)
                  .containsKey(hold.orderId()));
    });
  }

  /**
   * The units the order should hold of each stock entry: its lines' quantities until it is paid;
   * once sold, each line's picked units and its replacement's.
   */
  private static Map<StockKey, Integer> unitsOf(Order order, Hold.State state) {
    Map<StockKey, Integer> units = new HashMap<>();
    for (OrderLine line : order.lines()) {
      boolean sold = state == Hold.State.SOLD;
      units.put(
          new StockKey(order.storeId(), line.sku()), sold ? line.unitsPicked() : line.quantity());
      if (sold && line.pick() != null && line.pick().replacement() != null) {
        units.put(
            new StockKey(order.storeId(), line.pick().replacement().sku()),
            line.pick().replacement().quantity());
      }
    }
    return units;
  }

  /** How a live order's lines are held, or null when it holds nothing. */
  private static Hold.State heldAs(OrderStatus status) {
    if (status.holdsUnpaidStock()) {
      return Hold.State.HELD;
    }
    return status.holdsSoldStock() ? Hold.State.SOLD : null;
  }
}
