package dev.gridcommerce.grid.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.EventRecorder;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 8 on a 3-member cluster that writes behind to PostgreSQL: 200 orders go through their whole
 * lives (placed, paid, picked, out, delivered; paid and cancelled; cancelled; expired) while one
 * member is terminated mid-run. Two durable subscribers, one reading through a client and one
 * through the member that dies (another member's instance of it takes over), each see every event
 * of every order at least once, per order in sequence without gaps, and PostgreSQL holds each event
 * exactly once, numbered without gaps.
 */
class OrderEventsClusterTest {

  private static final ShoppingRun RUN = new ShoppingRun(20, 1_000, 200, 2);
  private static final EventSubscription.Options OPTIONS =
      EventSubscription.Options.DEFAULT
          .startingAt(EventSubscription.Start.EARLIEST)
          .withLease(Duration.ofSeconds(3));

  private final TestClock clock = new TestClock();
  private TestDatabase db;
  private TestGrid grid;
  private final List<EventSubscription> subscriptions = new ArrayList<>();

  @BeforeEach
  void startCluster() {
    db = TestDatabase.create();
    grid = TestGrid.persistingTo(db.database()).start(3);
    RUN.stock(grid.doors(clock));
    RUN.fillCarts(grid.doors(clock));
  }

  @AfterEach
  void stopCluster() {
    subscriptions.forEach(EventSubscription::close);
    grid.close();
    db.close();
  }

  private EventSubscription subscribe(HazelcastInstance via, String name, EventRecorder to) {
    EventSubscription subscription = Doors.of(via, clock).orders().subscribe(name, to, OPTIONS);
    subscriptions.add(subscription);
    return subscription;
  }

  @Test
  void everySubscriberGetsEveryEventOfEveryOrderInSequenceWhileAMemberDies() throws Exception {
    HazelcastInstance victim = grid.member(1);
    EventRecorder onClient = new EventRecorder();
    EventRecorder onMembers = new EventRecorder();
    subscribe(grid.client(), "on-a-client", onClient);
    EventSubscription onVictim = subscribe(victim, "on-a-member", onMembers);
    // the instance on the member that will die reads first; the other waits to take over
    await().atMost(Duration.ofSeconds(30)).until(() -> onVictim.position() >= 0);
    EventSubscription standby = subscribe(grid.member(2), "on-a-member", onMembers);
    Doors doors = Doors.of(grid.client(), clock);
    AtomicInteger lived = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();

    try (ExecutorService shoppers = Executors.newFixedThreadPool(8)) {
      List<Future<?>> lives = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int shopper = i;
        lives.add(
            shoppers.submit(() -> {
              liveThrough(doors, shopper);
              if (lived.incrementAndGet() == 100 && killed.compareAndSet(false, true)) {
                grid.terminate(victim);
              }
            }));
      }
      for (Future<?> life : lives) {
        life.get();
      }
    }
    onVictim.close();
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("the other instance took the subscription over")
        .until(() -> standby.position() >= 0);
    clock.advance(Doors.HOLD_FOR.plusSeconds(1));
    SweepReport swept = retried(() -> doors.orders().sweep());

    assertThat(killed).isTrue();
    assertThat(swept.expiredOrders()).isEqualTo(50);
    Map<String, List<OrderEvent>> timelines = new HashMap<>();
    new GridMaps(grid.client())
        .orders()
        .values()
        .forEach(order -> timelines.put(order.id(), order.events()));
    assertThat(timelines).hasSize(200);
    int events = timelines.values().stream().mapToInt(List::size).sum();
    assertThat(events).isEqualTo(50 * 6 + 50 * 3 + 50 * 2 + 50 * 2);
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> {
          assertThat(onClient.ids()).hasSize(events);
          assertThat(onMembers.ids()).hasSize(events);
        });
    onClient.assertDelivered(timelines);
    onMembers.assertDelivered(timelines);
    assertStoredOnceEachWithoutGaps(timelines, events);
  }

  private void assertStoredOnceEachWithoutGaps(
      Map<String, List<OrderEvent>> timelines, int events) {
    var jdbc = db.database().jdbc();
    assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM order_events", Long.class))
        .isEqualTo(events);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM order_events", Long.class))
        .isEqualTo(events);
    assertThat(jdbc.queryForObject("SELECT max(position) FROM order_events", Long.class))
        .as("positions 1 to %d, none missing", events)
        .isEqualTo(events);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT DISTINCT order_id, seq FROM order_events) s",
                Long.class))
        .isEqualTo(events);
    assertThat(jdbc.queryForList("SELECT event_id FROM order_events", String.class))
        .containsExactlyInAnyOrderElementsOf(
            timelines.values().stream().flatMap(List::stream).map(OrderEvent::id).toList());
  }

  /** One shopper's order from checkout to its end; each step sent again if a member died. */
  private void liveThrough(Doors doors, int shopper) {
    CheckoutOutcome outcome =
        retried(() ->
            doors
                .checkout()
                .place(
                    new CheckoutRequest(
                        ShoppingRun.shopperId(shopper), ShoppingRun.keyOf(shopper), null)));
    Order order = ((CheckoutOutcome.Placed) outcome).order();
    Orders orders = doors.orders();
    PaymentReference payment = new PaymentReference("test", "pay-" + order.id());
    switch (shopper % 4) {
      case 0 -> {
        retried(() -> orders.paid(order.id(), payment));
        for (OrderStatus next :
            List.of(
                OrderStatus.PICKING,
                OrderStatus.PACKED,
                OrderStatus.OUT_FOR_DELIVERY,
                OrderStatus.DELIVERED)) {
          retried(() -> orders.move(order.id(), next));
        }
      }
      case 1 -> {
        retried(() -> orders.paid(order.id(), payment));
        retried(() -> orders.move(order.id(), OrderStatus.CANCELLED));
      }
      case 2 -> retried(() -> orders.move(order.id(), OrderStatus.CANCELLED));
      default -> {} // left unpaid: it expires
    }
  }

  /** Sends a change again while it fails (every change is idempotent) or is still pending. */
  private static <T> T retried(Supplier<T> change) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        T result = change.get();
        if (result instanceof OrderChange c && c.verdict() == OrderChange.Verdict.PENDING
            || result == PaymentOutcome.RETRY) {
          sleep();
          continue;
        }
        return result;
      } catch (RuntimeException e) {
        last = e;
        sleep();
      }
    }
    throw new AssertionError("a change kept failing", last);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
