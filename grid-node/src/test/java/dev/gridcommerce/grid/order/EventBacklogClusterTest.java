package dev.gridcommerce.grid.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.EventRecorder;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscribers' backlog on a 2-member cluster that writes to PostgreSQL: a subscriber whose
 * receiver refuses every event shows all of them waiting while one that keeps up shows none; a
 * subscriber an instance still reads for can't be forgotten, and once it stopped it can, and is
 * gone from the backlog.
 */
class EventBacklogClusterTest {

  private static final int SHOPPERS = 20;
  private static final ShoppingRun RUN = new ShoppingRun(5, 100, SHOPPERS, 1);
  private static final EventSubscription.Options OPTIONS =
      EventSubscription.Options.DEFAULT
          .startingAt(EventSubscription.Start.EARLIEST)
          .withLease(Duration.ofSeconds(2));

  private final TestClock clock = new TestClock();
  private TestDatabase db;
  private TestGrid grid;

  @BeforeEach
  void startCluster() {
    db = TestDatabase.create();
    grid = TestGrid.persistingTo(db.database()).start(2);
    RUN.stock(grid.doors(clock));
    RUN.fillCarts(grid.doors(clock));
  }

  @AfterEach
  void stopCluster() {
    grid.close();
    db.close();
  }

  private Map<String, SubscriberBacklog> backlog(Orders orders) {
    return orders.eventBacklog().stream()
        .collect(Collectors.toMap(SubscriberBacklog::subscriber, Function.identity()));
  }

  @Test
  void aStuckSubscriberShowsEveryEventWaitingAndIsForgottenOnlyOnceNobodyReadsForIt()
      throws Exception {
    Orders orders = Doors.of(grid.client(), clock).orders();
    EventRecorder keepingUp = new EventRecorder();
    EventSubscription upToDate = orders.subscribe("keeping-up", keepingUp, OPTIONS);
    EventSubscription stuck =
        orders.subscribe(
            "stuck",
            event -> {
              throw new OrderEventHandler.RetryAfter(Duration.ofMillis(200), "receiver down");
            },
            OPTIONS);

    List<ShoppingRun.Result> results = RUN.checkOut(List.of(grid.client()), clock, 4, done -> {});
    assertThat(results).allMatch(ShoppingRun.Result::placed);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          Map<String, SubscriberBacklog> now = backlog(orders);
          assertThat(keepingUp.ids()).hasSize(SHOPPERS);
          assertThat(now.get("keeping-up")).isEqualTo(new SubscriberBacklog("keeping-up", 0, true));
          assertThat(now.get("stuck")).isEqualTo(new SubscriberBacklog("stuck", SHOPPERS, true));
        });
    Thread.sleep(OPTIONS.lease().toMillis() * 2); // leases renewed while it retries
    assertThat(backlog(orders).get("stuck").reading()).isTrue();
    assertThat(orders.forgetSubscriber("stuck")).as("an instance reads for it").isFalse();
    assertThat(orders.subscribers()).contains("stuck", "keeping-up");

    stuck.close();
    assertThat(backlog(orders).get("stuck"))
        .isEqualTo(new SubscriberBacklog("stuck", SHOPPERS, false));
    assertThat(orders.forgetSubscriber("stuck")).isTrue();
    assertThat(orders.subscribers()).containsExactly("keeping-up");
    assertThat(backlog(orders)).containsOnlyKeys("keeping-up");
    upToDate.close();
  }
}
