package dev.gridcommerce.grid.order;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.fulfilment.PickQueue;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.pricing.Vouchers;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Orders: the one door to the {@code orders} map and to the orders' events. An order changes only
 * on its own key, by one entry processor that also appends the change's event to the order (its
 * outbox); the orders MapStore stores both in one PostgreSQL transaction, and durable subscribers
 * ({@link #subscribe}) read the stored events in order. Each status change's stock change is then
 * applied line by line; a caller that dies in between leaves it pending for the sweep.
 */
public final class Orders {

  /** Longer ids name no order (ours are UUIDs), so they aren't even looked up. */
  private static final int MAX_ID_LENGTH = 64;

  private final HazelcastInstance grid;
  private final IMap<String, Order> orders;
  private final IMap<String, ShopperOrders> shopperOrders;
  private final Clock clock;
  private final OrderSettlement settlement;
  private final OrderLifecycle lifecycle;
  private final OrderPayments payments;
  private final OrderSweep sweep;
  private final ClosedOrderEviction eviction;
  private final OrderEventFeed feed;
  private final IMap<String, SubscriberCheckpoint> checkpoints;

  public Orders(HazelcastInstance grid, Clock clock, Inventory inventory) {
    GridMaps maps = new GridMaps(grid);
    this.grid = grid;
    this.orders = maps.orders();
    this.shopperOrders = maps.shopperOrders();
    this.clock = clock;
    this.settlement =
        new OrderSettlement(orders, inventory, new Vouchers(grid, clock), new Catalog(grid), clock);
    this.lifecycle = new OrderLifecycle(orders, settlement, clock);
    this.payments = new OrderPayments(orders, settlement, clock);
    this.sweep = new OrderSweep(orders, settlement, inventory, clock);
    this.eviction = new ClosedOrderEviction(orders, clock);
    this.feed = new OrderEventFeed(grid);
    this.checkpoints = maps.eventSubscriptions();
  }

  /** The Compact serializers of orders, their events, processors and answers. */
  public static List<CompactSerializer<?>> serializers() {
    return OrderSerializers.all();
  }

  public Optional<Order> find(String orderId) {
    return isId(orderId) ? Optional.ofNullable(orders.get(orderId)) : Optional.empty();
  }

  private static boolean isId(String orderId) {
    return orderId != null && !orderId.isEmpty() && orderId.length() <= MAX_ID_LENGTH;
  }

  /** The order if it is the shopper's; empty for anyone else's, so ids can't be probed. */
  public Optional<Order> ofShopper(String shopperId, String orderId) {
    return find(orderId).filter(order -> order.shopperId().equals(shopperId));
  }

  /**
   * A page of the shopper's orders, newest first: those in memory joined with those PostgreSQL has
   * (the {@code shopper-orders} index), so it includes closed orders that left the grid; a page
   * loads only its own orders.
   */
  public Page<Order> history(String shopperId, int page, int size) {
    Map<String, Instant> placedAt = new HashMap<>();
    ShopperOrders stored = shopperOrders.get(shopperId);
    if (stored != null) {
      stored.orders().forEach(placed -> placedAt.put(placed.orderId(), placed.createdAt()));
    }
    Map<String, Order> inMemory = new HashMap<>();
    orders
        .values(Predicates.equal("shopperId", shopperId))
        .forEach(order -> inMemory.put(order.id(), order));
    inMemory.values().forEach(order -> placedAt.put(order.id(), order.createdAt()));
    List<String> pageIds =
        placedAt.entrySet().stream()
            .sorted(
                Map.Entry.<String, Instant>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .skip((long) page * size)
            .limit(size)
            .map(Map.Entry::getKey)
            .toList();
    Set<String> toLoad =
        pageIds.stream().filter(id -> !inMemory.containsKey(id)).collect(Collectors.toSet());
    inMemory.putAll(orders.getAll(toLoad));
    List<Order> items = pageIds.stream().map(inMemory::get).filter(Objects::nonNull).toList();
    return new Page<>(items, placedAt.size(), page, size);
  }

  /**
   * Whether the shopper has had the product delivered: a DELIVERED order of theirs with a line of
   * it (what makes them a verified buyer). Reads their history a page at a time.
   */
  public boolean hasDelivered(String shopperId, String sku) {
    int size = 100;
    for (int page = 0; ; page++) {
      Page<Order> orders = history(shopperId, page, size);
      boolean delivered =
          orders.items().stream()
              .anyMatch(order ->
                  order.status() == OrderStatus.DELIVERED
                      && order.lines().stream().anyMatch(line -> line.sku().equals(sku)));
      if (delivered) {
        return true;
      }
      if ((long) (page + 1) * size >= orders.total()) {
        return false;
      }
    }
  }

  /** The store's orders paid and not yet picked: the work ahead of a new order. */
  public PickQueue pickQueue(String storeId) {
    Predicate<String, Order> waiting =
        Predicates.and(
            Predicates.equal("storeId", storeId),
            Predicates.equal("status", OrderStatus.PAID.name()));
    return PickQueue.of(orders.values(waiting));
  }

  /** A page of the store's open and recent orders, newest first, optionally in one status. */
  public Page<Order> atStore(String storeId, OrderStatus status, int page, int size) {
    Predicate<String, Order> atStore = Predicates.equal("storeId", storeId);
    Predicate<String, Order> query =
        status == null
            ? atStore
            : Predicates.and(atStore, Predicates.equal("status", status.name()));
    List<Order> sorted =
        orders.values(query).stream()
            .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id))
            .toList();
    return Page.of(sorted, page, size);
  }

  /**
   * Writes a newly placed order unless one with its id exists (a retried or resumed checkout);
   * answers the order the grid has now.
   */
  public Order placeIfAbsent(Order order) {
    Order existing = orders.putIfAbsent(order.id(), order);
    return existing == null ? order : existing;
  }

  /** Moves the order to {@code to} and applies the move's stock change before answering. */
  public OrderChange move(String orderId, OrderStatus to) {
    return isId(orderId) ? lifecycle.move(orderId, to) : missing();
  }

  /** The shopper cancels their own order (before picking); anyone else's is MISSING. */
  public OrderChange cancelForShopper(String shopperId, String orderId) {
    return isId(orderId)
        ? lifecycle.move(orderId, OrderStatus.CANCELLED, shopperId, null)
        : missing();
  }

  /** Store staff move an order of their store; an order of another store is MISSING. */
  public OrderChange moveForStore(String storeId, String orderId, OrderStatus to) {
    return isId(orderId) ? lifecycle.move(orderId, to, null, storeId) : missing();
  }

  /** Staff confirm a line of an order of their store picked in full (a change without event). */
  public OrderChange pickLine(String storeId, String orderId, String lineId) {
    return isId(orderId)
        ? lifecycle.change(orderId, new PickLineProcessor(storeId, lineId, clock.instant()))
        : missing();
  }

  /**
   * Staff report a line of an order of their store short: {@code picked} units found, the rest
   * replaced by {@code replacement} (null: refunded); the stock follows before answering (the
   * missing units back to available stock, the replacement's sold to the order; a replacement gone
   * meanwhile is refunded instead).
   */
  public OrderChange reportShort(
      String storeId, String orderId, String lineId, int picked, Replacement replacement) {
    return isId(orderId)
        ? lifecycle.change(
            orderId,
            new ShortLineProcessor(
                storeId,
                lineId,
                picked,
                replacement,
                clock.instant(),
                UUID.randomUUID().toString()))
        : missing();
  }

  /** A packed order of the store leaves with {@code rider}; its units are dispatched. */
  public OrderChange outWith(String storeId, String orderId, Courier rider) {
    return isId(orderId)
        ? lifecycle.change(
            orderId,
            new OutWithRiderProcessor(
                storeId, rider, clock.instant(), UUID.randomUUID().toString()))
        : missing();
  }

  /** A payment succeeded: see {@link PaymentOutcome}. Safe to call any number of times. */
  public PaymentOutcome paid(String orderId, PaymentReference payment) {
    return payments.paid(orderId, payment);
  }

  /**
   * A payment attempt for the order failed; the order stays unpaid, with the failure's event.
   *
   * @param failureId the payment provider's id of the failure (it becomes the event's id, so it is
   *     unique across orders): the same failure told twice is recorded once
   */
  public OrderChange paymentFailed(String orderId, String failureId, String reason) {
    return payments.failed(orderId, failureId, reason);
  }

  /**
   * Names the unpaid order's payment at the provider (its PaymentIntent), once; refused (ILLEGAL)
   * for an order no longer unpaid or with another payment.
   */
  public OrderChange paymentStarted(String orderId, PaymentReference intent) {
    return isId(orderId)
        ? lifecycle.change(
            orderId,
            new StartPaymentProcessor(intent, clock.instant(), UUID.randomUUID().toString()))
        : missing();
  }

  /**
   * The provider refunded {@code refundedTotal} of the order's payment in all (see {@link
   * Order#refundRecorded}); {@code reportId} is the provider's id of the report, so the same report
   * told twice is recorded once. A full refund's stock change is applied before answering.
   */
  public OrderChange refundRecorded(String orderId, Money refundedTotal, String reportId) {
    return isId(orderId)
        ? lifecycle.change(
            orderId, new RecordRefundProcessor(refundedTotal, clock.instant(), reportId))
        : missing();
  }

  /**
   * The provider cancelled the order's payment {@code intent}: an order still unpaid by it is
   * cancelled, its held units released; any other is UNCHANGED.
   */
  public OrderChange paymentCancelled(String orderId, PaymentReference intent, String reportId) {
    return isId(orderId)
        ? lifecycle.change(
            orderId,
            new CancelUnpaidProcessor(
                intent, clock.instant(), reportId, "the payment was cancelled at the provider"))
        : missing();
  }

  /**
   * The unpaid orders placed before {@code placedBefore} whose payment was started: those whose
   * payment a reconciliation asks the provider about. Found through the index of {@code
   * payableUntil}, which only unpaid orders have below its maximum.
   */
  public List<Order> awaitingPayment(Instant placedBefore) {
    return orders.values(Predicates.lessThan("payableUntil", Long.MAX_VALUE)).stream()
        .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT)
        .filter(order -> order.payment() != null && order.createdAt().isBefore(placedBefore))
        .sorted(Comparator.comparing(Order::createdAt))
        .toList();
  }

  /**
   * The orders still in the grid that owe money back ({@link Order#refundOwed}): cancelled and
   * refunded ones, packed ones with short lines, failed deliveries, whose refund could not be made
   * yet.
   */
  public List<Order> owingRefunds() {
    return orders
        .values(
            Predicates.in(
                "status",
                OrderStatus.CANCELLED.name(),
                OrderStatus.REFUNDED.name(),
                OrderStatus.PACKED.name(),
                OrderStatus.OUT_FOR_DELIVERY.name(),
                OrderStatus.DELIVERED.name(),
                OrderStatus.FAILED_DELIVERY.name()))
        .stream()
        .filter(order -> order.refundOwed().isPositive())
        .sorted(Comparator.comparing(Order::updatedAt))
        .toList();
  }

  /** One pass of the sweep: expiry, pending stock changes, abandoned holds (rule 5). */
  public SweepReport sweep() {
    return sweep.run();
  }

  /** Lets closed orders last changed before {@code retention} leave the grid (not PostgreSQL). */
  public int evictClosed(Duration retention) {
    return eviction.run(retention);
  }

  /**
   * Sweeps and evicts every {@code interval} on the oldest member, from now until this member shuts
   * down. Call once per member.
   */
  public void keepTidy(Duration interval, Duration retention) {
    OrderHousekeeping.start(grid, sweep, eviction, interval, retention);
  }

  /** Starts reading the order events for the durable subscriber {@code name}; see the options. */
  public EventSubscription subscribe(
      String name, OrderEventHandler handler, EventSubscription.Options options) {
    return new EventSubscription(name, handler, options, checkpoints, feed, clock).start();
  }

  public EventSubscription subscribe(String name, OrderEventHandler handler) {
    return subscribe(name, handler, EventSubscription.Options.DEFAULT);
  }

  /** The names of every durable subscriber that has a checkpoint. */
  public Set<String> subscribers() {
    return Set.copyOf(checkpoints.keySet());
  }

  /**
   * How far behind each durable subscriber is: the events stored in the log after its checkpoint,
   * and whether an instance reads for it now. Events of orders not yet written to PostgreSQL are
   * not in the log yet (they are in the write-behind queue of the {@code orders} map).
   */
  public List<SubscriberBacklog> eventBacklog() {
    long head = feed.head();
    Instant now = clock.instant();
    return checkpoints.entrySet().stream()
        .map(entry -> SubscriberBacklog.of(entry.getKey(), entry.getValue(), head, now))
        .sorted(Comparator.comparing(SubscriberBacklog::subscriber))
        .toList();
  }

  /**
   * Removes the checkpoint of a subscriber that is gone for good (a removed webhook subscription),
   * unless an instance still reads for it; answers whether it is gone now.
   */
  public boolean forgetSubscriber(String name) {
    return checkpoints.executeOnKey(name, CheckpointProcessor.forget(clock.instant())) != null;
  }

  /**
   * Tells {@code changed} the id of every order that is placed or changes, as it happens, on the
   * grid's event threads; answers what stops it. Not durable (a member's death may lose a notice):
   * a watcher reads the order again now and then. Live order tracking follows orders so.
   */
  public Runnable watch(Consumer<String> changed) {
    UUID id = orders.addEntryListener(new OrderChanges(changed), false);
    return () -> orders.removeEntryListener(id);
  }

  private static OrderChange missing() {
    return new OrderChange(OrderChange.Verdict.MISSING, null);
  }

  private record OrderChanges(Consumer<String> changed)
      implements EntryAddedListener<String, Order>, EntryUpdatedListener<String, Order> {

    @Override
    public void entryAdded(EntryEvent<String, Order> event) {
      changed.accept(event.getKey());
    }

    @Override
    public void entryUpdated(EntryEvent<String, Order> event) {
      changed.accept(event.getKey());
    }
  }
}
