package dev.gridcommerce.grid.fulfilment;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.fulfilment.PickList;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.domain.fulfilment.SubstituteRanking;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.OrderChange;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fulfilment in a dark store: the one door to its shift (open or closed, pickers on shift), to
 * picking (pick lists in walking order, lines confirmed or reported short with the shopper's
 * substitution applied, packing) and to dispatch (packed orders ready to go, riders taking one or a
 * batch of close ones out, delivered or not). Every change of an order goes through {@link Orders},
 * on the order's key; every change of stock through {@link Inventory}'s processors, so a substitute
 * is sold like any sale and can be short too.
 */
public final class Fulfilment {

  /** Orders a rider takes out at once, at most. */
  public static final int MAX_BATCH = 3;

  /** How far apart the drop-offs of one batch may be, at most. */
  public static final double BATCH_RADIUS_KM = 1.0;

  private static final Set<OrderStatus> PICKABLE =
      EnumSet.of(OrderStatus.PAID, OrderStatus.PICKING, OrderStatus.PACKED);

  /** Why a step was refused. */
  public enum Refusal {
    /** No such order at this store (or not one for this rider). */
    NO_SUCH_ORDER,
    /** The order has no such line. */
    NO_SUCH_LINE,
    /** The product scanned is not the line's. */
    WRONG_PRODUCT,
    /** The quantity doesn't fit: more than the line has, or fewer (report it short). */
    WRONG_QUANTITY,
    /** The order's status doesn't allow the step (picked already, not packed ...). */
    WRONG_STATUS,
    /** Batched orders must be at most {@link #MAX_BATCH} and drop off close to each other. */
    NOT_A_BATCH,
    /** The order's last stock change is still being applied: try again in a moment. */
    BUSY
  }

  /** What a step came to: the order as it is now, or why not. */
  public record Step(Order order, Refusal refusal, String detail) {

    static Step done(Order order) {
      return new Step(order, null, "");
    }

    static Step refused(Refusal refusal, String detail) {
      return new Step(null, refusal, detail);
    }

    public boolean isDone() {
      return refusal == null;
    }
  }

  private final Orders orders;
  private final Inventory inventory;
  private final Catalog catalog;
  private final IMap<String, StoreLayout> layouts;
  private final IMap<String, StoreShift> shifts;

  public Fulfilment(HazelcastInstance grid, Orders orders, Inventory inventory, Catalog catalog) {
    this.orders = orders;
    this.inventory = inventory;
    this.catalog = catalog;
    this.layouts = new GridMaps(grid).storeLayouts();
    this.shifts = new GridMaps(grid).storeShifts();
  }

  /** The Compact serializers of store layouts and the processor that places a product. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(
        new StoreLayoutSerializer(),
        new PlaceProductProcessor.Serializer(),
        new StoreShiftSerializer());
  }

  /** Whether the store is open and its pickers on shift, as staff last set them (empty: never). */
  public Optional<StoreShift> shift(String storeId) {
    return Optional.ofNullable(shifts.get(storeId));
  }

  /** Opens or closes the store and sets its pickers on shift; stored before it answers. */
  public StoreShift setShift(StoreShift shift) {
    shifts.set(shift.storeId(), shift);
    return shift;
  }

  /** Where each product sits at the store (empty when nothing is placed). */
  public StoreLayout layout(String storeId) {
    StoreLayout layout = layouts.get(storeId);
    return layout == null ? StoreLayout.empty(storeId) : layout;
  }

  /** Replaces the store's whole layout (a new store, the demo's seed). */
  public void layOut(StoreLayout layout) {
    layouts.set(layout.storeId(), layout);
  }

  /** Puts one product at a location of the store (null takes it off the layout). */
  public StoreLayout place(String storeId, String sku, ShelfLocation location) {
    return layouts.executeOnKey(storeId, new PlaceProductProcessor(storeId, sku, location));
  }

  /** The pick list of a paid order of the store: its lines in walking order of the shelves. */
  public Optional<PickList> pickList(String storeId, String orderId) {
    return orderAt(storeId, orderId)
        .filter(order -> PICKABLE.contains(order.status()))
        .map(order -> PickList.of(order, layout(storeId).locations()));
  }

  /** The store starts picking the order (PAID to PICKING). */
  public Step startPicking(String storeId, String orderId) {
    return step(orders.moveForStore(storeId, orderId, OrderStatus.PICKING));
  }

  /**
   * A line confirmed picked: the product scanned must be the line's and the quantity all of it
   * (fewer is reported short instead). Confirming it again changes nothing.
   */
  public Step confirm(
      String storeId, String orderId, String lineId, String scannedSku, int quantity) {
    Located at = locate(storeId, orderId, lineId);
    if (at.refused() != null) {
      return at.refused();
    }
    Order order = at.order();
    OrderLine line = at.line();
    if (!line.sku().equals(scannedSku)) {
      return Step.refused(
          Refusal.WRONG_PRODUCT, "line " + lineId + " is " + line.sku() + ", not " + scannedSku);
    }
    if (quantity != line.quantity()) {
      return Step.refused(
          Refusal.WRONG_QUANTITY,
          "line "
              + lineId
              + " has "
              + line.quantity()
              + " units; with fewer found, report it short");
    }
    return step(orders.pickLine(storeId, orderId, lineId));
  }

  /**
   * A line short: {@code found} of its units are there. The missing ones are replaced as the
   * shopper chose (the best match, the product they named, or none: refunded), with as many units
   * of the substitute as the store has, up to the missing ones; then the stock follows and the
   * shopper is told by the order's event.
   */
  public Step reportShort(String storeId, String orderId, String lineId, int found) {
    Located at = locate(storeId, orderId, lineId);
    if (at.refused() != null) {
      return at.refused();
    }
    Order order = at.order();
    OrderLine line = at.line();
    if (found < 0 || found >= line.quantity()) {
      return Step.refused(
          Refusal.WRONG_QUANTITY,
          "a short line has 0 to "
              + (line.quantity() - 1)
              + " units found; all of them is a confirmation");
    }
    if (line.isPicked()) {
      return step(orders.reportShort(storeId, orderId, lineId, found, line.pick().replacement()));
    }
    Replacement replacement = replacementFor(order, line, found);
    return step(orders.reportShort(storeId, orderId, lineId, found, replacement));
  }

  /** What the store would offer now in place of the line's product, best first. */
  public List<Product> candidates(String storeId, String orderId, String lineId) {
    Located at = locate(storeId, orderId, lineId);
    return at.refused() != null ? List.of() : bestMatches(at.order(), at.line());
  }

  private Replacement replacementFor(Order order, OrderLine line, int found) {
    Substitution substitution = line.substitution();
    Optional<Product> substitute =
        switch (substitution.preference()) {
          case REFUND -> Optional.empty();
          case SPECIFIC ->
              catalog
                  .product(substitution.sku())
                  .filter(product -> !order.hasProduct(product.sku()))
                  .filter(
                      product -> product.price().currency().equals(line.unitPrice().currency()));
          case BEST_MATCH -> bestMatches(order, line).stream().findFirst();
        };
    if (substitute.isEmpty()) {
      return null;
    }
    Product product = substitute.get();
    int available =
        inventory.available(order.storeId(), List.of(product.sku())).getOrDefault(product.sku(), 0);
    int units = Math.min(line.quantity() - found, available);
    return units <= 0
        ? null
        : new Replacement(product.sku(), product.name(), units, product.price());
  }

  private List<Product> bestMatches(Order order, OrderLine line) {
    Optional<Product> original = catalog.product(line.sku());
    if (original.isEmpty()) {
      return List.of();
    }
    Collection<Product> sameCategory = catalog.inCategory(original.get().category());
    Map<String, Integer> available =
        inventory.available(order.storeId(), sameCategory.stream().map(Product::sku).toList());
    return SubstituteRanking.rank(original.get(), sameCategory, available, order.products());
  }

  /**
   * Picking done: lines not confirmed count as picked in full; an order of which nothing could be
   * picked is cancelled (and refunded in full) instead. A packed order with short lines is refunded
   * what they owe.
   */
  public Step pack(String storeId, String orderId) {
    return step(orders.moveForStore(storeId, orderId, OrderStatus.PACKED));
  }

  /** The store's packed orders, oldest first: what riders take out next. */
  public List<Order> readyToGo(String storeId) {
    return byAge(orders.atStore(storeId, OrderStatus.PACKED, 0, Integer.MAX_VALUE).items());
  }

  /**
   * The ready orders grouped into batches a rider can take at once: the oldest order first, with up
   * to {@link #MAX_BATCH} - 1 of the next ones whose drop-offs are within {@link #BATCH_RADIUS_KM}
   * of it.
   */
  public List<List<Order>> batches(String storeId) {
    List<Order> left = new ArrayList<>(readyToGo(storeId));
    List<List<Order>> batches = new ArrayList<>();
    while (!left.isEmpty()) {
      Order first = left.removeFirst();
      List<Order> batch = new ArrayList<>(List.of(first));
      for (var it = left.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
        Order next = it.next();
        if (close(first.dropOff(), next.dropOff())) {
          batch.add(next);
          it.remove();
        }
      }
      batches.add(batch);
    }
    return batches;
  }

  /** The orders out with this rider. */
  public List<Order> outWith(String storeId, String riderId) {
    return byAge(
        orders.atStore(storeId, OrderStatus.OUT_FOR_DELIVERY, 0, Integer.MAX_VALUE).items().stream()
            .filter(order -> order.courier() != null && order.courier().riderId().equals(riderId))
            .toList());
  }

  /**
   * The rider takes one packed order out, or a batch of up to {@link #MAX_BATCH} whose drop-offs
   * are within {@link #BATCH_RADIUS_KM} of each other: each goes out for delivery with the rider's
   * name, its units dispatched. Checked whole before any order moves; answers each order's step.
   */
  public List<Step> dispatch(String storeId, Courier rider, List<String> orderIds) {
    if (orderIds.isEmpty()
        || orderIds.size() > MAX_BATCH
        || Set.copyOf(orderIds).size() != orderIds.size()) {
      return List.of(
          Step.refused(
              Refusal.NOT_A_BATCH,
              "a rider takes 1 to " + MAX_BATCH + " different orders at once"));
    }
    List<Order> batch = new ArrayList<>();
    for (String orderId : orderIds) {
      Optional<Order> order = orderAt(storeId, orderId);
      if (order.isEmpty()) {
        return List.of(
            Step.refused(Refusal.NO_SUCH_ORDER, "no order " + orderId + " at " + storeId));
      }
      if (order.get().status() != OrderStatus.PACKED
          && !(order.get().status() == OrderStatus.OUT_FOR_DELIVERY
              && rider.equals(order.get().courier()))) {
        return List.of(
            Step.refused(
                Refusal.WRONG_STATUS,
                "order " + orderId + " is " + order.get().status() + ", not PACKED"));
      }
      batch.add(order.get());
    }
    for (Order order : batch) {
      if (batch.size() > 1 && !close(batch.getFirst().dropOff(), order.dropOff())) {
        return List.of(
            Step.refused(
                Refusal.NOT_A_BATCH,
                "order " + order.id() + " drops off more than " + BATCH_RADIUS_KM + " km away"));
      }
    }
    return batch.stream().map(order -> step(orders.outWith(storeId, order.id(), rider))).toList();
  }

  /**
   * The rider handed the order over ({@code delivered}) or couldn't (its units come back to the
   * store as a return, and it is refunded in full). Only the rider who has it, or staff of the
   * store ({@code riderId} null), may say so.
   */
  public Step handOver(String storeId, String riderId, String orderId, boolean delivered) {
    Optional<Order> order =
        orderAt(storeId, orderId)
            .filter(o ->
                riderId == null || (o.courier() != null && o.courier().riderId().equals(riderId)));
    if (order.isEmpty()) {
      return Step.refused(Refusal.NO_SUCH_ORDER, "no order " + orderId + " out with you");
    }
    return step(
        orders.moveForStore(
            storeId, orderId, delivered ? OrderStatus.DELIVERED : OrderStatus.FAILED_DELIVERY));
  }

  /** An order of the store and one of its lines, or the refusal saying which is missing. */
  private record Located(Order order, OrderLine line, Step refused) {}

  private Located locate(String storeId, String orderId, String lineId) {
    Optional<Order> order = orderAt(storeId, orderId);
    if (order.isEmpty()) {
      return new Located(
          null,
          null,
          Step.refused(Refusal.NO_SUCH_ORDER, "no order " + orderId + " at " + storeId));
    }
    return lineOf(order.get(), lineId)
        .map(line -> new Located(order.get(), line, null))
        .orElseGet(() ->
            new Located(
                null,
                null,
                Step.refused(Refusal.NO_SUCH_LINE, "order " + orderId + " has no line " + lineId)));
  }

  private Optional<Order> orderAt(String storeId, String orderId) {
    return orders.find(orderId).filter(order -> order.storeId().equals(storeId));
  }

  private static Optional<OrderLine> lineOf(Order order, String lineId) {
    return order.lines().stream().filter(line -> line.id().equals(lineId)).findFirst();
  }

  private static boolean close(GeoPoint a, GeoPoint b) {
    return a != null && b != null && a.distanceKm(b) <= BATCH_RADIUS_KM;
  }

  private static List<Order> byAge(List<Order> orders) {
    return orders.stream()
        .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id))
        .toList();
  }

  private static Step step(OrderChange change) {
    return switch (change.verdict()) {
      case CHANGED, UNCHANGED -> Step.done(change.order());
      case MISSING -> Step.refused(Refusal.NO_SUCH_ORDER, "no such order at this store");
      case PENDING -> Step.refused(Refusal.BUSY, "the order's stock is being updated; try again");
      case ILLEGAL ->
          Step.refused(
              Refusal.WRONG_STATUS,
              "order "
                  + change.order().id()
                  + " is "
                  + change.order().status()
                  + ": that step doesn't fit it now (read its pick list again)");
    };
  }
}
