package dev.gridcommerce.grid.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 3 under failure, the way shoppers meet it: a flash sale on one product through a 3-member
 * cluster, a member killed after 40 answers, and every shopper whose checkout failed repeating it
 * under the same Idempotency-Key, as the README says to. Each retry is answered with the truth: the
 * order the key placed, or the order placed now, never "the cart is empty" and never "in progress"
 * for an attempt whose run is over; and after the sale every unit reserved belongs to an order
 * whose shopper was told it was placed.
 */
class RetryAfterMemberLossClusterTest {

  private static final int SHOPPERS = 160;
  private static final int UNITS = 100;
  private static final ShoppingRun RUN = new ShoppingRun(1, UNITS, SHOPPERS, 1);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;

  /** What one shopper was told, first to last. */
  private record Shopper(IdempotencyKey key, List<Object> answers) {

    CheckoutOutcome last() {
      return (CheckoutOutcome) answers.getLast();
    }

    long count(Class<?> kind) {
      return answers.stream().filter(kind::isInstance).count();
    }
  }

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    maps = grid.maps();
    Doors doors = grid.doors(clock);
    RUN.stock(doors);
    RUN.fillCarts(doors);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void everyRetryAfterAMemberDiedIsAnsweredWithTheTruth() throws Exception {
    HazelcastInstance victim = grid.member(1);
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    List<Doors> through = List.of(Doors.of(grid.client(), clock), Doors.of(grid.client(), clock));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Shopper>> shoppers = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      int shopper = i;
      shoppers.add(() -> {
        start.await();
        Shopper told = new Shopper(ShoppingRun.keyOf(shopper), new ArrayList<>());
        CheckoutRequest request =
            new CheckoutRequest(ShoppingRun.shopperId(shopper), told.key(), null);
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < giveUpAt) {
          Object answer;
          try {
            answer = through.get(shopper % 2).checkout().place(request);
          } catch (RuntimeException e) {
            answer = e;
          }
          told.answers().add(answer);
          if (answered.incrementAndGet() == 40 && killed.compareAndSet(false, true)) {
            grid.terminate(victim);
          }
          if (answer instanceof CheckoutOutcome.Placed || answer instanceof CheckoutOutcome.Short) {
            break;
          }
          Thread.sleep(50);
        }
        return told;
      });
    }
    List<Shopper> told = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
      List<Future<Shopper>> futures = shoppers.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<Shopper> future : futures) {
        told.add(future.get());
      }
    }

    assertThat(killed).isTrue();
    assertThat(told)
        .as("every shopper ends placed or short")
        .allSatisfy(shopper ->
            assertThat(shopper.answers().getLast())
                .isInstanceOfAny(CheckoutOutcome.Placed.class, CheckoutOutcome.Short.class));
    assertThat(told)
        .as("no retry is told the cart is empty, or kept waiting on a run that is over")
        .allSatisfy(shopper -> {
          assertThat(shopper.count(CheckoutOutcome.Refused.class)).isZero();
          assertThat(shopper.count(CheckoutOutcome.InProgress.class)).isZero();
        });
    List<Order> placed =
        told.stream()
            .filter(shopper -> shopper.last() instanceof CheckoutOutcome.Placed)
            .map(shopper -> ((CheckoutOutcome.Placed) shopper.last()).order())
            .toList();
    int placedUnits = placed.stream().mapToInt(Order::units).sum();
    StockKey key = new StockKey(ShoppingRun.STORE, ShoppingRun.sku(0));
    assertThat(placedUnits).isLessThanOrEqualTo(UNITS);
    assertThat(maps.inventory().get(key).reserved())
        .as("every unit reserved belongs to an order its shopper was told of")
        .isEqualTo(placedUnits);
    for (Order order : placed) {
      assertThat(maps.orders().get(order.id())).as("placed order %s", order.id()).isNotNull();
    }
    assertThat(maps.orders().size()).isEqualTo(placed.size());
  }
}
