package dev.gridcommerce.domain.fulfilment;

import dev.gridcommerce.domain.order.LinePick;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.Substitution;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a picker walks for one order: its lines in walking order of their shelves (zone, aisle,
 * shelf), lines whose product has no location last, by sku; with the order's status and promise.
 */
public record PickList(String orderId, OrderStatus status, Instant promisedAt, List<Item> items) {

  /** One line to pick, where it is, and what was found so far (null: not yet picked). */
  public record Item(
      String lineId,
      String sku,
      String name,
      int quantity,
      ShelfLocation location,
      Substitution substitution,
      LinePick pick) {}

  private static final Comparator<Item> WALKING_ORDER =
      Comparator.comparing(Item::location, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Item::sku);

  public PickList {
    items = List.copyOf(items);
  }

  /** The order's pick list, given where its products are at its store. */
  public static PickList of(Order order, Map<String, ShelfLocation> locationsBySku) {
    return new PickList(
        order.id(),
        order.status(),
        order.promisedAt(),
        order.lines().stream()
            .map(line -> item(line, locationsBySku.get(line.sku())))
            .sorted(WALKING_ORDER)
            .toList());
  }

  private static Item item(OrderLine line, ShelfLocation location) {
    return new Item(
        line.id(),
        line.sku(),
        line.name(),
        line.quantity(),
        location,
        line.substitution(),
        line.pick());
  }
}
