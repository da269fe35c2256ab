package dev.gridcommerce.grid.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.EventRecorder;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 8 across full stops of a 3-member cluster: events appended to orders but not yet delivered
 * (not even stored: the write delay is longer than the test) when the cluster stops gracefully are
 * delivered once it has started again, and a subscriber resumes after its checkpoint, so what it
 * had before the stop doesn't come again.
 */
class OrderEventsRestartTest {

  private static final ShoppingRun RUN = new ShoppingRun(5, 100, 10, 1);
  private static final String SUBSCRIBER = "survives-restarts";
  private static final EventSubscription.Options OPTIONS =
      EventSubscription.Options.DEFAULT.startingAt(EventSubscription.Start.EARLIEST);

  private final TestClock clock = new TestClock();
  private final EventRecorder recorder = new EventRecorder();
  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void eventsNotYetDeliveredWhenTheClusterStopsAreDeliveredAfterItStartsAgain() {
    Map<String, List<OrderEvent>> timelines = new HashMap<>();

    // 1. five orders placed and delivered to the subscriber, then a graceful stop
    try (TestGrid grid = TestGrid.persistingTo(db.database()).start(3)) {
      Doors doors = grid.doors(clock);
      RUN.stock(doors);
      RUN.fillCarts(doors);
      placeShoppers(doors, 0, 5);
      try (EventSubscription subscription =
          doors.orders().subscribe(SUBSCRIBER, recorder, OPTIONS)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ids().size() == 5);
      }
      grid.shutdown();
    }

    // 2. five more placed and three paid while nothing reaches PostgreSQL: none can be delivered
    try (TestGrid grid = TestGrid.persistingTo(db.reopen()).writeDelay(600).start(3)) {
      Doors doors = grid.doors(clock);
      try (EventSubscription subscription =
          doors.orders().subscribe(SUBSCRIBER, recorder, OPTIONS)) {
        List<String> placed = placeShoppers(doors, 5, 10);
        for (String orderId : placed.subList(0, 3)) {
          doors.orders().paid(orderId, new PaymentReference("test", "pay-" + orderId));
        }
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> recorder.ids().size() == 5);
      }
      new GridMaps(grid.member(0))
          .orders()
          .values()
          .forEach(order -> timelines.put(order.id(), order.events()));
      grid.shutdown();
    }
    assertThat(timelines.values().stream().mapToInt(List::size).sum()).isEqualTo(5 + 5 + 3);

    // 3. started again: the eight undelivered events arrive, and the first five don't come again
    try (TestGrid grid = TestGrid.persistingTo(db.reopen()).start(3);
        EventSubscription subscription =
            grid.doors(clock).orders().subscribe(SUBSCRIBER, recorder, OPTIONS)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ids().size() == 13);
      await().during(Duration.ofSeconds(1)).until(() -> recorder.deliveries().size() == 13);
      assertThat(recorder.duplicates()).isZero();
      recorder.assertDelivered(timelines);
      assertThat(subscription.position()).isEqualTo(13);
    }
  }

  private static List<String> placeShoppers(Doors doors, int from, int to) {
    return java.util.stream.IntStream.range(from, to)
        .mapToObj(shopper ->
            doors
                .checkout()
                .place(
                    new CheckoutRequest(
                        ShoppingRun.shopperId(shopper), ShoppingRun.keyOf(shopper), null)))
        .map(outcome -> ((CheckoutOutcome.Placed) outcome).order().id())
        .toList();
  }
}
