package dev.gridcommerce.persistence.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.fixtures.Stores;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderMapStoreTest extends MapStoreContract<String, Order> {

  private static final Instant LATER = Instant.parse("2026-11-21T12:01:00Z");
  private static final PaymentReference PAYMENT = new PaymentReference("test", "pay-1");

  OrderMapStoreTest() {
    super(OrderMapStore::new, "orders");
  }

  @Override
  protected Map.Entry<String, Order> sample(int n) {
    String id = "order-" + n;
    return Map.entry(
        id,
        anOrder()
            .id(id)
            .line("FRU-00001", 2, 199)
            .line("DAI-00002", 1, 349)
            .line("BAK-00003", 5, 89)
            .build());
  }

  private Order placed() {
    return sampleEntries(1).values().iterator().next();
  }

  private long count(String sql, Object... args) {
    return db.database().jdbc().queryForObject(sql, Long.class, args);
  }

  private OrderEventLog log() {
    return ((OrderMapStore) store).eventLog();
  }

  @Test
  void theDeliveryPromiseIsStoredAndAnOrderWithoutOneLoadsWithout() {
    Instant promised = Instant.parse("2026-12-02T12:14:00Z");
    Order promising = anOrder().id("promised-1").promisedAt(promised).build();
    Order unpromised = anOrder().id("promised-2").build();
    store.store(promising.id(), promising);
    store.store(unpromised.id(), unpromised);

    assertThat(store.load(promising.id()).promisedAt()).isEqualTo(promised);
    assertThat(store.load(promising.id())).isEqualTo(promising);
    assertThat(store.load(unpromised.id()).promisedAt()).isNull();
  }

  @Test
  void picksReplacementsTheDropOffAndTheRiderAreStoredAndLoadBack() {
    Order picking =
        anOrder()
            .id("picked-1")
            .line("DAI-00001", 2, 150)
            .line("BAK-00001", 1, 300)
            .buildPicking()
            .lineShort(
                "L1",
                1,
                new Replacement("DAI-00002", "Oat milk", 1, Money.of(120, "EUR")),
                LATER,
                "picked-1-short")
            .settled()
            .movedTo(OrderStatus.PACKED, LATER, "picked-1-packed")
            .outWith(new Courier("rider-1", "Rita"), LATER, "picked-1-out");
    store.store(picking.id(), picking);

    Order loaded = store.load(picking.id());

    assertThat(loaded).isEqualTo(picking);
    assertThat(loaded.line("L1").pick().replacement().name()).isEqualTo("Oat milk");
    assertThat(loaded.line("L2").unitsPicked()).isEqualTo(1);
    assertThat(loaded.courier().name()).isEqualTo("Rita");
  }

  @Test
  void aStatusChangeIsStoredWithItsPaymentAndPriceAndTheLinesStayAsPlaced() {
    Order placed = placed();
    store.store(placed.id(), placed);

    Order paid = placed.paid(PAYMENT, LATER, placed.id() + "-paid").settled();
    store.store(paid.id(), paid);

    assertThat(store.load(placed.id())).isEqualTo(paid);
    assertThat(count("SELECT count(*) FROM order_lines WHERE order_id = ?", placed.id()))
        .isEqualTo(3);
  }

  @Test
  void aChangedLineIsStoredAndALineTheOrderNoLongerHasIsDeleted() {
    Order placed = placed();
    store.store(placed.id(), placed);
    OrderLine first = placed.lines().getFirst();
    List<OrderLine> changed =
        List.of(new OrderLine(first.id(), first.sku(), first.name(), 7, first.unitPrice()));

    Order substituted = withLines(placed, changed);
    store.store(substituted.id(), substituted);

    assertThat(store.load(placed.id()).lines()).containsExactlyElementsOf(changed);
    assertThat(count("SELECT count(*) FROM order_lines WHERE order_id = ?", placed.id()))
        .isEqualTo(1);
  }

  @Test
  void aLateReplayOfAnOlderVersionChangesNeitherTheOrderNorItsLines() {
    Order placed = placed();
    Order paid = placed.paid(PAYMENT, LATER, placed.id() + "-paid").settled();
    Order substituted = withLines(paid, List.of(paid.lines().getFirst()));
    store.store(substituted.id(), substituted);

    store.store(placed.id(), placed);
    store.storeAll(Map.of(paid.id(), paid));

    assertThat(store.load(placed.id())).isEqualTo(substituted);
  }

  @Test
  void everyEventIsStoredOnceWithTheNextPositionsInEachOrdersSequence() {
    long head = log().head();
    Order a = placed();
    Order b = placed();
    store.storeAll(Map.of(a.id(), a, b.id(), b));
    Order aPaid = a.paid(PAYMENT, LATER, a.id() + "-paid").settled();
    Order aPicking = aPaid.movedTo(OrderStatus.PICKING, LATER, a.id() + "-picking");

    store.store(a.id(), aPicking);
    store.storeAll(Map.of(a.id(), aPicking, b.id(), b));

    List<OrderEventLog.Logged> logged = log().after(head, 100);
    assertThat(logged)
        .extracting(OrderEventLog.Logged::position)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 4).mapToObj(i -> head + i).toList());
    assertThat(logged)
        .extracting(entry -> entry.event().id())
        .containsExactlyInAnyOrder(
            a.id() + "-placed", b.id() + "-placed", a.id() + "-paid", a.id() + "-picking");
    assertThat(
            logged.stream()
                .map(OrderEventLog.Logged::event)
                .filter(event -> event.orderId().equals(a.id()))
                .map(OrderEvent::seq))
        .containsExactly(1L, 2L, 3L);
    assertThat(log().head()).isEqualTo(head + 4);
    assertThat(log().after(head + 2, 1)).hasSize(1);
    assertThat(store.load(a.id()).events()).isEqualTo(aPicking.events());
  }

  @Test
  void aReaderFollowingTheLogWhileBatchesCommitConcurrentlyNeverSeesAPositionBeforeTheOneBeforeIt()
      throws Exception {
    int writers = 4;
    int batchesEach = 25;
    int batchSize = 4;
    List<Map<String, Order>> batches =
        IntStream.range(0, writers * batchesEach).mapToObj(i -> sampleEntries(batchSize)).toList();
    long head = log().head();
    long expected = head + (long) batches.size() * batchSize;

    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<?>> stored = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w * batchesEach;
        stored.add(
            pool.submit(
                () -> batches.subList(first, first + batchesEach).forEach(store::storeAll)));
      }
      long seen = head;
      while (seen < expected) {
        for (OrderEventLog.Logged logged : log().after(seen, 1_000)) {
          assertThat(logged.position()).as("the position after %d", seen).isEqualTo(seen + 1);
          seen = logged.position();
        }
        if (stored.stream().allMatch(Future::isDone) && log().head() == seen) {
          break;
        }
      }
      for (Future<?> writer : stored) {
        writer.get();
      }
      assertThat(seen).isEqualTo(expected);
    }
  }

  @Test
  void onlyOpenOrdersAndThoseWithStockToApplyAreLoadedWhenAMemberStarts() {
    Order open = anOrder().id("open-order").status(OrderStatus.PICKING).build();
    Order delivered = anOrder().id("delivered-order").status(OrderStatus.DELIVERED).build();
    Order expired = anOrder().id("expired-order").status(OrderStatus.EXPIRED).build();
    store.storeAll(Map.of(open.id(), open, delivered.id(), delivered, expired.id(), expired));

    assertThat(store.loadAllKeys())
        .contains("open-order")
        .doesNotContain("delivered-order", "expired-order");
    assertThat(store.load("delivered-order")).isEqualTo(delivered);
  }

  /** The order with other lines, as a later change (a substitution) would leave it. */
  private static Order withLines(Order order, List<OrderLine> lines) {
    Map<String, OrderLine> byId = new LinkedHashMap<>();
    lines.forEach(line -> byId.put(line.id(), line));
    return new Order(
        order.id(),
        order.shopperId(),
        order.storeId(),
        List.copyOf(byId.values()),
        Pricing.price(lines.stream().map(OrderLine::priced).toList(), Stores.freeDelivery("s"))
            .breakdown(),
        order.voucherCode(),
        order.status(),
        order.pendingStock(),
        order.payment(),
        order.refunded(),
        order.createdAt(),
        order.expiresAt(),
        order.updatedAt(),
        order.version() + 1,
        order.events(),
        null,
        null,
        null);
  }
}
