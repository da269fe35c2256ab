package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.inventory.DispatchProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.inventory.ReturnSoldProcessor;
import dev.gridcommerce.grid.inventory.SellProcessor;
import dev.gridcommerce.grid.inventory.StockChange;
import dev.gridcommerce.grid.inventory.StockChanges;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an order's pending stock change to the stock of each of its lines (in parallel, each by
 * an idempotent processor on the member owning that stock), then marks the order settled. Running
 * it twice, or from two places at once (the caller and the sweep), changes the stock once.
 *
 * <p>A paid order whose units can't be sold any more (its hold was lost, and there is no stock left
 * to sell instead) is never left paid without stock: the units it did get are returned and the
 * order is cancelled, to be refunded.
 */
public final class OrderSettlement {

  private static final Logger log = LoggerFactory.getLogger(OrderSettlement.class);

  private final GridMaps maps;
  private final Clock clock;

  public OrderSettlement(GridMaps maps, Clock clock) {
    this.maps = maps;
    this.clock = clock;
  }

  /** The order as it is once its pending stock change is applied. */
  public Order settle(Order order) {
    StockEffect effect = order.pendingStock();
    if (effect == StockEffect.NONE) {
      return order;
    }
    List<StockOutcome> outcomes = applyToEveryLine(order, effect);
    if (effect == StockEffect.SELL
        && outcomes.stream().anyMatch(StockOutcome.ShortOf.class::isInstance)) {
      return cancelUnfillable(order);
    }
    OrderChange settled = maps.orders().executeOnKey(order.id(), new SettleOrderProcessor(effect));
    return settled.order() == null ? order.settled() : settled.order();
  }

  /** Applies one stock change to every line of the order and answers each line's outcome. */
  List<StockOutcome> applyToEveryLine(Order order, StockEffect effect) {
    return new StockChanges(maps.inventory())
        .applyAll(
            order.lines().stream()
                .map(line ->
                    new StockChanges.Keyed(
                        new StockKey(order.storeId(), line.sku()), processor(effect, order, line)))
                .toList());
  }

  private StockChange processor(StockEffect effect, Order order, OrderLine line) {
    return switch (effect) {
      case RELEASE -> new ReleaseHoldProcessor(order.id());
      case SELL -> new SellProcessor(order.id(), line.quantity());
      case RETURN_SOLD -> new ReturnSoldProcessor(order.id());
      case DISPATCH -> new DispatchProcessor(order.id(), clock.instant());
      case NONE -> throw new IllegalArgumentException("nothing to apply");
    };
  }

  private Order cancelUnfillable(Order order) {
    log.warn("order {} is paid but its stock is gone; cancelling it for a refund", order.id());
    applyToEveryLine(order, StockEffect.RETURN_SOLD);
    maps.orders().executeOnKey(order.id(), new SettleOrderProcessor(StockEffect.SELL));
    OrderChange cancelled =
        maps.orders()
            .executeOnKey(
                order.id(), new MoveOrderProcessor(OrderStatus.CANCELLED, clock.instant()));
    return cancelled.changed() ? settle(cancelled.order()) : cancelled.order();
  }
}
