package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.pricing.Vouchers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an order's pending stock change to the stock of each of its lines (in parallel, each by
 * an idempotent processor on the member owning that stock), then marks the order settled. Running
 * it twice, or from two places at once (the caller and the sweep), changes the stock once.
 *
 * <p>A paid order whose units can't be sold any more (its hold was lost, and there is no stock left
 * to sell instead) is never left paid without stock: the units it did get are returned and the
 * order is cancelled, to be refunded. The same holds for its voucher: a paid order whose voucher
 * use was lost and can't be taken again (the voucher's limit was reached meanwhile) is cancelled
 * too.
 */
final class OrderSettlement {

  private static final Logger log = LoggerFactory.getLogger(OrderSettlement.class);

  private final IMap<String, Order> orders;
  private final Inventory inventory;
  private final Vouchers vouchers;
  private final Catalog catalog;
  private final Clock clock;

  OrderSettlement(
      IMap<String, Order> orders,
      Inventory inventory,
      Vouchers vouchers,
      Catalog catalog,
      Clock clock) {
    this.orders = orders;
    this.catalog = catalog;
    this.inventory = inventory;
    this.vouchers = vouchers;
    this.clock = clock;
  }

  /** The order as it is once its pending stock change is applied. */
  Order settle(Order order) {
    StockEffect effect = order.pendingStock();
    if (effect == StockEffect.NONE) {
      return order;
    }
    if (effect == StockEffect.PICK_SHORTFALL) {
      return settlePicks(order.id());
    }
    List<StockOutcome> outcomes = applyToEveryLine(order, effect);
    if (effect == StockEffect.SELL
        && outcomes.stream().anyMatch(StockOutcome.ShortOf.class::isInstance)) {
      return cancelUnfillable(order);
    }
    OrderChange settled = orders.executeOnKey(order.id(), new SettleOrderProcessor(effect));
    if (settled.changed()) {
      countSold(order, effect);
    }
    return settled.order() == null ? order.settled() : settled.order();
  }

  /**
   * Applies one stock change to every line of the order and answers each line's outcome; an order
   * with a voucher has its voucher use changed alongside, like one more line (its outcome last: a
   * use that can't be redeemed is short of one).
   */
  List<StockOutcome> applyToEveryLine(Order order, StockEffect effect) {
    if (order.voucherCode() == null) {
      return applyToStock(order, effect);
    }
    CompletableFuture<Optional<String>> voucher =
        vouchers.followStock(order.voucherCode(), effect, order.id(), order.shopperId());
    List<StockOutcome> outcomes = new ArrayList<>(applyToStock(order, effect));
    Optional<String> refused = voucher.join();
    refused.ifPresent(why ->
        log.warn("order {} can't redeem voucher {}: {}", order.id(), order.voucherCode(), why));
    outcomes.add(refused.isEmpty() ? new StockOutcome.Done(1) : new StockOutcome.ShortOf(1, 0));
    return outcomes;
  }

  private List<StockOutcome> applyToStock(Order order, StockEffect effect) {
    List<StockKey> keys =
        order.lines().stream().map(line -> new StockKey(order.storeId(), line.sku())).toList();
    return switch (effect) {
      case RELEASE ->
          inventory.releaseAll(
              keys.stream().map(key -> new Inventory.Release(key, order.id())).toList());
      case SELL -> inventory.sell(order.id(), unitsByKey(order));
      case RETURN_SOLD -> inventory.returnSold(order.id(), List.copyOf(soldUnits(order).keySet()));
      case DISPATCH ->
          inventory.dispatch(order.id(), List.copyOf(soldUnits(order).keySet()), clock.instant());
      case RETURN_DELIVERED ->
          inventory.returnDelivered(order.id(), soldUnits(order), clock.instant());
      case PICK_SHORTFALL, NONE -> throw new IllegalArgumentException("nothing to apply");
    };
  }

  /**
   * Applies the order's shortfall as the order is now (a caller's or the sweep's copy may be older
   * than a short line reported since), then marks settled only that very state of the order: a
   * short line reported meanwhile stays pending, for its own caller or the next sweep.
   */
  private Order settlePicks(String orderId) {
    Order current = orders.get(orderId);
    if (current == null || current.pendingStock() != StockEffect.PICK_SHORTFALL) {
      return current;
    }
    Optional<Order> amended = settleShortfall(current);
    if (amended.isPresent()) {
      return settle(amended.get());
    }
    OrderChange settled =
        orders.executeOnKey(
            orderId, new SettleOrderProcessor(StockEffect.PICK_SHORTFALL, current.lastSeq()));
    return settled.order() == null ? current : settled.order();
  }

  /**
   * Makes the stock match the short lines' picks: each keeps only its picked units sold, and each
   * replacement's units are sold to the order (from available stock, through the same processor as
   * any sale). A replacement that can't be sold any more (its last units went meanwhile) is dropped
   * from its line, refunded instead: answers the order so amended, to be settled again.
   */
  private Optional<Order> settleShortfall(Order order) {
    Map<StockKey, Integer> kept = new LinkedHashMap<>();
    Map<StockKey, Integer> replacements = new LinkedHashMap<>();
    List<OrderLine> replacedLines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      if (line.isShort()) {
        kept.put(new StockKey(order.storeId(), line.sku()), line.unitsPicked());
        Replacement replacement = line.pick().replacement();
        if (replacement != null) {
          replacements.put(
              new StockKey(order.storeId(), replacement.sku()), replacement.quantity());
          replacedLines.add(line);
        }
      }
    }
    List<StockOutcome> sold = inventory.sell(order.id(), replacements);
    for (int i = 0; i < sold.size(); i++) {
      if (sold.get(i) instanceof StockOutcome.ShortOf) {
        OrderLine line = replacedLines.get(i);
        String sku = line.pick().replacement().sku();
        log.info("order {}: {}, the replacement of line {}, ran out", order.id(), sku, line.id());
        OrderChange gone =
            orders.executeOnKey(
                order.id(),
                new ReplacementGoneProcessor(
                    line.id(), sku, clock.instant(), UUID.randomUUID().toString()));
        if (gone.order() != null && gone.changed()) {
          return Optional.of(gone.order());
        }
      }
    }
    inventory.keepSold(order.id(), kept);
    return Optional.empty();
  }

  /**
   * The units the order has sold, by stock entry: each line's picked units (all of them until it is
   * picked) and its replacement's.
   */
  static Map<StockKey, Integer> soldUnits(Order order) {
    Map<StockKey, Integer> units = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      units.put(new StockKey(order.storeId(), line.sku()), line.unitsPicked());
      if (line.pick() != null && line.pick().replacement() != null) {
        Replacement replacement = line.pick().replacement();
        units.put(new StockKey(order.storeId(), replacement.sku()), replacement.quantity());
      }
    }
    return units;
  }

  private static Map<StockKey, Integer> unitsByKey(Order order) {
    Map<StockKey, Integer> units = new LinkedHashMap<>();
    for (OrderLine line : order.lines()) {
      units.put(new StockKey(order.storeId(), line.sku()), line.quantity());
    }
    return units;
  }

  /**
   * Counts a settled sale in the products' units sold (a paid order's units given back count
   * against them), once: only the caller whose settling changed the order counts it.
   */
  void countSold(Order order, StockEffect effect) {
    int sign =
        switch (effect) {
          case SELL -> 1;
          case RETURN_SOLD -> -1;
          default -> 0;
        };
    if (sign != 0) {
      Map<String, Integer> units = new LinkedHashMap<>();
      order.lines().forEach(line -> units.put(line.sku(), sign * line.quantity()));
      catalog.recordSold(units);
    }
  }

  private Order cancelUnfillable(Order order) {
    log.warn("order {} is paid but its stock is gone; cancelling it for a refund", order.id());
    applyToEveryLine(order, StockEffect.RETURN_SOLD);
    if (orders.executeOnKey(order.id(), new SettleOrderProcessor(StockEffect.SELL)).changed()) {
      countSold(order, StockEffect.SELL); // given back by the cancellation's settling below
    }
    OrderChange cancelled =
        orders.executeOnKey(
            order.id(),
            new MoveOrderProcessor(
                OrderStatus.CANCELLED,
                clock.instant(),
                UUID.randomUUID().toString(),
                "paid, but the stock was gone: refund due"));
    return cancelled.changed() ? settle(cancelled.order()) : cancelled.order();
  }
}
