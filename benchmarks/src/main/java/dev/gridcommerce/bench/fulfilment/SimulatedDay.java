package dev.gridcommerce.bench.fulfilment;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.fulfilment.DeliveryPromise;
import dev.gridcommerce.domain.fulfilment.PromiseTerms;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.GridMaps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A simulated day of one dark store (Berlin Mitte of the demo catalog), run on a real grid (two
 * members in this JVM, the project's map configuration, no PostgreSQL) through the same doors an
 * API node uses, with a simulated clock: {@code orders} orders arrive over 07:00-23:00 in a curve
 * with a lunch and an evening peak ({@link DayCurve}); each is checked out with its drop-off (the
 * store's promise made from its live queue and its {@code pickers}), paid, picked by the next free
 * picker (a pick takes the promise terms' time, give or take 20-30 %, and a line is short with
 * probability {@code short-rate}, the shopper's substitution applied), packed (short lines refunded
 * as the payments subscriber would), and taken out by the next free one of {@code riders} riders,
 * in batches of close drop-offs (at most {@code batch}); a delivery fails with probability {@code
 * fail-rate} (its units come back, it is refunded).
 *
 * <p>It reports the on-time rate, the promise error (delivered minus promised: p50, p95), pick,
 * wait-for-rider and ride times, substitutions and refunds, and checks at the end that the money
 * adds up (charged - refunded = value of the goods delivered, worked out from the lines) and that
 * no unit was lost or sold twice (each product's units on hand fell by what delivered orders took,
 * and nothing is still reserved). Writes an SVG chart of orders and on-time rate per hour.
 *
 * <p>The simulated world picks at the promise terms' speed (with noise) and rides at their speed, a
 * minute at each door; the promise's {@code handover} ({@code --handover} seconds, the setting
 * {@code commerce.fulfilment.handover}) is what the store adds for the bag to reach a rider and the
 * rider the door: the knob this simulation tunes.
 *
 * <pre>java -cp … dev.gridcommerce.bench.fulfilment.SimulatedDay [--orders 2000] [--pickers 8]
 *     [--riders 40] [--short-rate 0.03] [--fail-rate 0.01] [--seed 7] [--handover 300] [--batch 3]
 *     [--chart benchmarks/simulated-day.svg]
 * </pre>
 *
 * Exit status 1 when a check fails.
 */
public final class SimulatedDay {

  private static final String STORE = "berlin-mitte";
  private static final Instant MIDNIGHT = Instant.parse("2026-12-01T00:00:00Z");

  /** How long a rider takes at each door, in the simulated world (not in the promise). */
  private static final Duration AT_DOOR = Duration.ofMinutes(1);

  private enum Kind {
    ARRIVAL,
    PICKED,
    DROP,
    RIDER_BACK
  }

  private record Event(Instant at, long seq, Kind kind, String orderId, int index)
      implements Comparable<Event> {
    @Override
    public int compareTo(Event other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private final int orderCount;
  private final int pickers;
  private final int riders;
  private final double shortRate;
  private final double failRate;
  private final SplittableRandom random;
  private final Path chart;
  private final PromiseTerms terms;
  private final int maxBatch;

  private final SimulatedClock clock = new SimulatedClock(MIDNIGHT);
  private final PriorityQueue<Event> events = new PriorityQueue<>();
  private long seq;

  private Catalog catalog;
  private Inventory inventory;
  private Carts carts;
  private Orders orders;
  private Checkout checkout;
  private Fulfilment fulfilment;
  private DarkStore store;
  private List<Product> shelf;
  private GridMaps maps;

  private final Deque<String> toPick = new ArrayDeque<>();
  private int freePickers;
  private final Deque<Integer> freeRiders = new ArrayDeque<>();
  private final Map<String, Instant> pickStarted = new HashMap<>();
  private final Map<String, Instant> packedAt = new HashMap<>();
  private final Map<String, Instant> departedAt = new HashMap<>();
  private final Map<String, Instant> deliveredAt = new HashMap<>();
  private final Map<String, Integer> placedHour = new HashMap<>();
  private final List<String> placed = new ArrayList<>();
  private final List<Long> pickSeconds = new ArrayList<>();
  private final List<Long> waitSeconds = new ArrayList<>();
  private final List<Long> rideSeconds = new ArrayList<>();
  private final List<Long> promiseErrorSeconds = new ArrayList<>();
  private int refusedPromise;
  private int refusedStock;
  private int shortLines;
  private int substituted;
  private int refunds;
  private long refundedMinor;
  private int failed;
  private int batchedOrders;

  private SimulatedDay(Map<String, String> options) {
    this.orderCount = Integer.parseInt(options.getOrDefault("orders", "2000"));
    this.pickers = Integer.parseInt(options.getOrDefault("pickers", "8"));
    this.riders = Integer.parseInt(options.getOrDefault("riders", "40"));
    this.shortRate = Double.parseDouble(options.getOrDefault("short-rate", "0.03"));
    this.failRate = Double.parseDouble(options.getOrDefault("fail-rate", "0.01"));
    this.random = new SplittableRandom(Long.parseLong(options.getOrDefault("seed", "7")));
    this.chart = Path.of(options.getOrDefault("chart", "benchmarks/simulated-day.svg"));
    this.maxBatch = Integer.parseInt(options.getOrDefault("batch", "3"));
    PromiseTerms defaults = PromiseTerms.DEFAULT;
    this.terms =
        new PromiseTerms(
            defaults.perOrder(),
            defaults.perLine(),
            defaults.perUnit(),
            defaults.riderKmh(),
            Duration.ofSeconds(
                Long.parseLong(
                    options.getOrDefault(
                        "handover", String.valueOf(defaults.handover().toSeconds())))),
            defaults.maximum());
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    boolean balanced;
    try (BenchGrid grid = new BenchGrid(2)) {
      balanced = new SimulatedDay(options).run(grid.member());
    }
    System.exit(balanced ? 0 : 1);
  }

  private boolean run(HazelcastInstance hz) throws IOException {
    long started = System.nanoTime();
    open(hz);
    Map<StockKey, Integer> initial = onHandNow();
    List<Instant> arrivals = DayCurve.arrivals(orderCount, MIDNIGHT, random);
    for (int i = 0; i < arrivals.size(); i++) {
      schedule(arrivals.get(i), Kind.ARRIVAL, null, i);
    }
    freePickers = pickers;
    for (int r = 1; r <= riders; r++) {
      freeRiders.add(r);
    }
    int handled = 0;
    while (!events.isEmpty()) {
      Event event = events.poll();
      clock.set(event.at());
      switch (event.kind()) {
        case ARRIVAL -> arrive(event.index());
        case PICKED -> picked(event.orderId());
        case DROP -> drop(event.orderId());
        case RIDER_BACK -> freeRiders.add(event.index());
      }
      startPicking();
      dispatch();
      if (++handled % 2000 == 0) {
        System.out.printf(
            Locale.ROOT,
            "[day] %s simulated, %d orders placed, %d delivered%n",
            clock.instant().toString().substring(11, 16),
            placed.size(),
            deliveredAt.size());
      }
    }
    boolean balanced = report(initial, (System.nanoTime() - started) / 1_000_000_000.0);
    writeChart();
    return balanced;
  }

  private void open(HazelcastInstance hz) {
    maps = new GridMaps(hz);
    catalog = new Catalog(hz);
    inventory = new Inventory(hz, clock);
    carts = new Carts(hz, clock, Duration.ofMinutes(15), catalog, inventory);
    orders = new Orders(hz, clock, inventory);
    checkout =
        new Checkout(
            hz,
            clock,
            Duration.ofMinutes(10),
            catalog,
            carts,
            inventory,
            orders,
            (at, to, lines, units) ->
                DeliveryPromise.estimate(
                    terms,
                    orders.pickQueue(at.id()),
                    pickers,
                    lines,
                    units,
                    at.location().distanceKm(to),
                    clock.instant()));
    fulfilment = new Fulfilment(hz, orders, inventory, catalog);
    DemoCatalog demo = DemoCatalog.standard();
    catalog.putStores(demo.stores());
    catalog.putProducts(demo.products());
    Map<StockKey, Integer> stock = new LinkedHashMap<>();
    demo.stock()
        .forEach((key, units) -> {
          if (key.storeId().equals(STORE)) {
            stock.put(key, units);
          }
        });
    inventory.stockUp(stock);
    demo.layouts().stream().filter(l -> l.storeId().equals(STORE)).forEach(fulfilment::layOut);
    store = catalog.store(STORE).orElseThrow();
    shelf =
        demo.products().stream()
            .filter(p -> demo.onHand(STORE, p.sku()) >= 20)
            .sorted(Comparator.comparing(Product::sku))
            .toList();
  }

  private void schedule(Instant at, Kind kind, String orderId, int index) {
    events.add(new Event(at, seq++, kind, orderId, index));
  }

  /** A shopper's basket of 1-8 lines of 1-3 units, delivered within the store's radius. */
  private void arrive(int index) {
    String shopper = "sim-shopper-" + index;
    carts.chooseStore(shopper, STORE);
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      Product product = shelf.get(random.nextInt(shelf.size()));
      double roll = random.nextDouble();
      Substitution substitution =
          roll < 0.6
              ? Substitution.BEST_MATCH
              : roll < 0.7
                  ? Substitution.specific(shelf.get(random.nextInt(shelf.size())).sku())
                  : Substitution.REFUND;
      if (product.sku().equals(substitution.sku())) {
        substitution = Substitution.BEST_MATCH;
      }
      carts.setLine(shopper, product.sku(), 1 + random.nextInt(3), substitution);
    }
    CheckoutOutcome outcome =
        checkout.place(new CheckoutRequest(shopper, new IdempotencyKey(shopper, "day"), dropOff()));
    switch (outcome) {
      case CheckoutOutcome.Placed p -> {
        Order order = p.order();
        orders.paid(order.id(), new PaymentReference("sim", "pay-" + order.id()));
        placed.add(order.id());
        placedHour.put(order.id(), hourOf(clock.instant()));
        toPick.add(order.id());
      }
      case CheckoutOutcome.Refused refused -> {
        if (refused.reason() == CheckoutOutcome.Refusal.PROMISE_EXCEEDED) {
          refusedPromise++;
        } else {
          refusedStock++;
        }
        carts.empty(shopper);
      }
      default -> {
        refusedStock++;
        carts.empty(shopper);
      }
    }
  }

  private GeoPoint dropOff() {
    double radiusKm = store.deliveryRadiusKm() * Math.sqrt(random.nextDouble());
    double angle = random.nextDouble() * 2 * Math.PI;
    double lat = store.location().lat() + radiusKm * Math.cos(angle) / 111.32;
    double lon =
        store.location().lon()
            + radiusKm
                * Math.sin(angle)
                / (111.32 * Math.cos(Math.toRadians(store.location().lat())));
    return new GeoPoint(lat, lon);
  }

  private void startPicking() {
    while (freePickers > 0 && !toPick.isEmpty()) {
      String orderId = toPick.poll();
      if (!fulfilment.startPicking(STORE, orderId).isDone()) {
        throw new IllegalStateException("order " + orderId + " could not be picked");
      }
      Order order = orders.find(orderId).orElseThrow();
      int units = order.lines().stream().mapToInt(OrderLine::quantity).sum();
      Duration nominal = terms.pickTime(order.lines().size(), units);
      long seconds = Math.round(nominal.toSeconds() * (0.8 + 0.5 * random.nextDouble()));
      freePickers--;
      pickStarted.put(orderId, clock.instant());
      schedule(clock.instant().plusSeconds(seconds), Kind.PICKED, orderId, 0);
    }
  }

  private void picked(String orderId) {
    Order order = orders.find(orderId).orElseThrow();
    for (OrderLine line : order.lines()) {
      Fulfilment.Step step;
      if (random.nextDouble() < shortRate) {
        shortLines++;
        step = fulfilment.reportShort(STORE, orderId, line.id(), random.nextInt(line.quantity()));
        Replacement replacement =
            step.isDone() ? step.order().line(line.id()).pick().replacement() : null;
        if (replacement != null) {
          substituted++;
        }
      } else {
        step = fulfilment.confirm(STORE, orderId, line.id(), line.sku(), line.quantity());
      }
      if (!step.isDone()) {
        throw new IllegalStateException("line " + line.id() + ": " + step.detail());
      }
    }
    Order packed = fulfilment.pack(STORE, orderId).order();
    refundWhatIsOwed(orderId);
    freePickers++;
    pickSeconds.add(Duration.between(pickStarted.get(orderId), clock.instant()).toSeconds());
    if (packed.status() == OrderStatus.PACKED) {
      packedAt.put(orderId, clock.instant());
    }
  }

  /** As the payments subscriber does: what the order owes goes back through the provider. */
  private void refundWhatIsOwed(String orderId) {
    Order order = orders.find(orderId).orElseThrow();
    Money owed = order.refundOwed();
    if (owed.isPositive()) {
      orders.refundRecorded(orderId, order.refunded().plus(owed), "sim-refund-" + ++refunds);
      refundedMinor += owed.amountMinor();
    }
  }

  /** Each free rider takes the oldest packed order out, with up to two close ones. */
  private void dispatch() {
    while (!freeRiders.isEmpty()) {
      List<List<Order>> batches = fulfilment.batches(STORE);
      if (batches.isEmpty()) {
        return;
      }
      int rider = freeRiders.poll();
      List<Order> suggested = batches.getFirst();
      List<Order> batch = suggested.subList(0, Math.min(maxBatch, suggested.size()));
      List<Fulfilment.Step> out =
          fulfilment.dispatch(
              STORE,
              new Courier("rider-" + rider, "Rider " + rider),
              batch.stream().map(Order::id).toList());
      if (!out.stream().allMatch(Fulfilment.Step::isDone)) {
        throw new IllegalStateException("dispatch refused: " + out.getFirst().detail());
      }
      if (batch.size() > 1) {
        batchedOrders += batch.size();
      }
      ride(rider, batch);
    }
  }

  /** The rider's route: nearest drop-off next, a minute at each door, then back to the store. */
  private void ride(int rider, List<Order> batch) {
    List<Order> left = new ArrayList<>(batch);
    GeoPoint here = store.location();
    Instant at = clock.instant();
    while (!left.isEmpty()) {
      GeoPoint from = here;
      Order next =
          Collections.min(left, Comparator.comparingDouble(o -> from.distanceKm(o.dropOff())));
      left.remove(next);
      at = at.plus(terms.rideTime(here.distanceKm(next.dropOff()))).plus(AT_DOOR);
      here = next.dropOff();
      departedAt.put(next.id(), clock.instant());
      waitSeconds.add(Duration.between(packedAt.get(next.id()), clock.instant()).toSeconds());
      schedule(at, Kind.DROP, next.id(), rider);
    }
    schedule(
        at.plus(terms.rideTime(here.distanceKm(store.location()))), Kind.RIDER_BACK, null, rider);
  }

  private void drop(String orderId) {
    Order order = orders.find(orderId).orElseThrow();
    boolean delivered = random.nextDouble() >= failRate;
    Fulfilment.Step step =
        fulfilment.handOver(STORE, order.courier().riderId(), orderId, delivered);
    if (!step.isDone()) {
      throw new IllegalStateException("hand-over refused: " + step.detail());
    }
    rideSeconds.add(Duration.between(departedAt.get(orderId), clock.instant()).toSeconds());
    if (delivered) {
      deliveredAt.put(orderId, clock.instant());
      promiseErrorSeconds.add(Duration.between(order.promisedAt(), clock.instant()).toSeconds());
    } else {
      failed++;
      refundWhatIsOwed(orderId);
    }
  }

  private Map<StockKey, Integer> onHandNow() {
    Map<StockKey, Integer> onHand = new HashMap<>();
    maps.inventory().forEach((key, stock) -> onHand.put(key, stock.onHand()));
    return onHand;
  }

  /** Prints the day's figures and the checks; answers whether both checks hold. */
  private boolean report(Map<StockKey, Integer> initial, double wallSeconds) {
    Map<String, Order> all = new HashMap<>(maps.orders().getAll(new java.util.HashSet<>(placed)));
    Map<OrderStatus, Integer> byStatus = new java.util.TreeMap<>();
    long charged = 0;
    long refunded = 0;
    long deliveredValue = 0;
    long owing = 0;
    Map<StockKey, Integer> taken = new HashMap<>();
    for (Order order : all.values()) {
      byStatus.merge(order.status(), 1, Integer::sum);
      charged += order.total().amountMinor();
      refunded += order.refunded().amountMinor();
      owing += order.refundOwed().amountMinor();
      if (order.status() == OrderStatus.DELIVERED) {
        deliveredValue += valueDelivered(order, taken);
      }
    }
    boolean moneyAddsUp = charged - refunded == deliveredValue && owing == 0;
    long lost = 0;
    long stillReserved = 0;
    for (Map.Entry<StockKey, Stock> entry : maps.inventory().entrySet()) {
      int before = initial.getOrDefault(entry.getKey(), 0);
      int expected = before - taken.getOrDefault(entry.getKey(), 0);
      lost += Math.abs(expected - entry.getValue().onHand());
      stillReserved += entry.getValue().reserved();
    }
    boolean unitsAddUp = lost == 0 && stillReserved == 0;
    long late = promiseErrorSeconds.stream().filter(error -> error > 0).count();
    System.out.printf(
        Locale.ROOT,
        "%n[day] %d orders arrived (07:00-23:00), %d placed, %d refused for the promise, %d for"
            + " stock; %d pickers, %d riders, promise handover %s; simulated in %.1f s%n",
        orderCount,
        placed.size(),
        refusedPromise,
        refusedStock,
        pickers,
        riders,
        minutes(terms.handover().toSeconds()),
        wallSeconds);
    System.out.printf(Locale.ROOT, "[day] ended: %s%n", byStatus);
    System.out.printf(
        Locale.ROOT,
        "[day] on time: %.1f %% of %d delivered; promise error p50 %s, p95 %s (+ late, - early)%n",
        100.0 * (promiseErrorSeconds.size() - late) / Math.max(1, promiseErrorSeconds.size()),
        promiseErrorSeconds.size(),
        minutes(percentile(promiseErrorSeconds, 50)),
        minutes(percentile(promiseErrorSeconds, 95)));
    System.out.printf(
        Locale.ROOT,
        "[day] pick p50 %s p95 %s; wait for a rider p50 %s p95 %s; ride p50 %s p95 %s; %d orders"
            + " went in batches%n",
        minutes(percentile(pickSeconds, 50)),
        minutes(percentile(pickSeconds, 95)),
        minutes(percentile(waitSeconds, 50)),
        minutes(percentile(waitSeconds, 95)),
        minutes(percentile(rideSeconds, 50)),
        minutes(percentile(rideSeconds, 95)),
        batchedOrders);
    System.out.printf(
        Locale.ROOT,
        "[day] %d lines short: %d substituted, %d refunded; %d refunds of %s in all; %d deliveries"
            + " failed%n",
        shortLines,
        substituted,
        shortLines - substituted,
        refunds,
        Money.format(Money.of(refundedMinor, "EUR")),
        failed);
    System.out.printf(
        Locale.ROOT,
        "[day] money: charged %s - refunded %s = %s; goods and fees delivered %s; still owed %s:"
            + " %s%n",
        euros(charged),
        euros(refunded),
        euros(charged - refunded),
        euros(deliveredValue),
        euros(owing),
        moneyAddsUp ? "balanced" : "NOT BALANCED");
    System.out.printf(
        Locale.ROOT,
        "[day] units: %d unaccounted for, %d still reserved: %s%n",
        lost,
        stillReserved,
        unitsAddUp ? "balanced" : "NOT BALANCED");
    return moneyAddsUp && unitsAddUp;
  }

  /**
   * What a delivered order's shopper got, from its lines alone: each unit found at its price, each
   * replacement unit at its own price but never above the original's, less the discount, plus the
   * fees; and the units it took from each shelf.
   */
  private static long valueDelivered(Order order, Map<StockKey, Integer> taken) {
    long goods = 0;
    for (OrderLine line : order.lines()) {
      goods += line.unitsPicked() * line.unitPrice().amountMinor();
      taken.merge(new StockKey(order.storeId(), line.sku()), line.unitsPicked(), Integer::sum);
      Replacement replacement = line.pick() == null ? null : line.pick().replacement();
      if (replacement != null) {
        goods +=
            replacement.quantity()
                * Math.min(replacement.unitPrice().amountMinor(), line.unitPrice().amountMinor());
        taken.merge(
            new StockKey(order.storeId(), replacement.sku()), replacement.quantity(), Integer::sum);
      }
    }
    var price = order.price();
    return goods
        - price.discount().amountMinor()
        + price.deliveryFee().amountMinor()
        + price.smallBasketFee().amountMinor();
  }

  /** Orders placed and the on-time rate of those delivered, per hour of the day, as SVG. */
  private void writeChart() throws IOException {
    int hours = DayCurve.WEIGHTS.length;
    int[] placedPerHour = new int[hours];
    int[] deliveredPerHour = new int[hours];
    int[] onTimePerHour = new int[hours];
    for (String orderId : placed) {
      int hour = placedHour.get(orderId) - DayCurve.FIRST_HOUR;
      placedPerHour[hour]++;
      Instant delivered = deliveredAt.get(orderId);
      if (delivered != null) {
        deliveredPerHour[hour]++;
        Order order = maps.orders().get(orderId);
        if (!delivered.isAfter(order.promisedAt())) {
          onTimePerHour[hour]++;
        }
      }
    }
    int most = java.util.Arrays.stream(placedPerHour).max().orElse(1);
    int width = 760;
    int height = 300;
    int left = 50;
    int bottom = 250;
    int plot = 200;
    double step = (width - left - 50) / (double) hours;
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n"
            .formatted(width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"%d\" y=\"18\" font-size=\"13\">A simulated day at %s: %d orders placed, %d pickers, %d riders</text>%n"
            .formatted(left, store.name(), placed.size(), pickers, riders));
    StringBuilder line = new StringBuilder();
    for (int h = 0; h < hours; h++) {
      double x = left + h * step;
      double barHeight = plot * placedPerHour[h] / (double) most;
      svg.append(
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#9cc9b4\"/>%n"
              .formatted(x + 2, bottom - barHeight, step - 4, barHeight));
      svg.append(
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%02d</text>%n"
              .formatted(x + step / 2, bottom + 14, DayCurve.FIRST_HOUR + h));
      if (deliveredPerHour[h] > 0) {
        double rate = onTimePerHour[h] / (double) deliveredPerHour[h];
        line.append(line.isEmpty() ? "M" : " L")
            .append("%.1f %.1f".formatted(x + step / 2, bottom - plot * rate));
      }
    }
    svg.append(
        "<path d=\"%s\" fill=\"none\" stroke=\"#0b6e4f\" stroke-width=\"2.5\"/>%n".formatted(line));
    svg.append(
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n"
            .formatted(left, bottom, width - 50, bottom));
    svg.append(
        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n"
            .formatted(left - 4, bottom - plot + 4, most, left - 4, bottom + 4));
    svg.append(
        "<text x=\"%d\" y=\"%d\">100 %%</text><text x=\"%d\" y=\"%d\">0 %%</text>%n"
            .formatted(width - 46, bottom - plot + 4, width - 46, bottom + 4));
    svg.append(
        "<text x=\"%d\" y=\"%d\"><tspan fill=\"#5f9c80\">&#9632; orders placed per hour</tspan>  <tspan fill=\"#0b6e4f\">&#8212; on time, of those delivered</tspan> (by the hour placed)</text>%n"
            .formatted(left, height - 12));
    svg.append("</svg>\n");
    Files.createDirectories(chart.toAbsolutePath().getParent());
    Files.writeString(chart, svg);
    System.out.println("[day] chart: " + chart);
  }

  private static long percentile(List<Long> values, int percent) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static String minutes(long seconds) {
    return String.format(
        Locale.ROOT,
        "%s%d:%02d",
        seconds < 0 ? "-" : "",
        Math.abs(seconds) / 60,
        Math.abs(seconds) % 60);
  }

  private static String euros(long minor) {
    return Money.format(Money.of(minor, "EUR"));
  }

  private static int hourOf(Instant at) {
    return (int) Duration.between(MIDNIGHT, at).toHours();
  }
}
