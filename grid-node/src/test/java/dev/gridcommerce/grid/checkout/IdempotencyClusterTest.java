package dev.gridcommerce.grid.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.checkout.IdempotentCheckout.Answer;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 3 on a 3-member cluster: retried and duplicated checkouts under one Idempotency-Key place
 * one order and hold its units once, whatever the timing; the key's first answer is the answer.
 */
class IdempotencyClusterTest {

  private static final String SKU = ShoppingRun.sku(0);
  private static final StockKey KEY = new StockKey(ShoppingRun.STORE, SKU);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private IdempotentCheckout checkout;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    maps = new GridMaps(grid.client());
    new ShoppingRun(1, 10, 0, 0).stock(maps);
    checkout =
        new IdempotentCheckout(maps, new Checkout(maps, clock, CheckoutPolicy.DEFAULT), clock);
    fillCart("ada", 3);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private void fillCart(String shopper, int units) {
    maps.carts()
        .executeOnKey(shopper, new ChooseStoreProcessor(ShoppingRun.STORE, clock.instant()));
    maps.carts().executeOnKey(shopper, new SetCartLineProcessor(SKU, units, clock.instant()));
  }

  private Stock stock() {
    return maps.inventory().get(KEY);
  }

  private static String orderIdOf(Answer answer) {
    return ((CheckoutOutcome.Placed) ((Answer.Outcome) answer).outcome()).order().id();
  }

  @Test
  void twentyCopiesOfOneRequestAtOncePlaceOneOrderAndHoldItsUnitsOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Answer> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      List<Future<Answer>> copies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        copies.add(
            pool.submit(() -> {
              start.await();
              return checkout.checkout("ada", "key-1", "same-body");
            }));
      }
      start.countDown();
      for (Future<Answer> copy : copies) {
        answers.add(copy.get());
      }
    }

    List<Answer> placed = answers.stream().filter(Answer.Outcome.class::isInstance).toList();
    assertThat(placed).isNotEmpty();
    assertThat(placed.stream().map(IdempotencyClusterTest::orderIdOf).distinct()).hasSize(1);
    assertThat(answers)
        .allSatisfy(a -> assertThat(a).isInstanceOfAny(Answer.Outcome.class, Answer.Busy.class));
    assertThat(maps.orders().size()).isEqualTo(1);
    assertThat(stock().reserved()).isEqualTo(3);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aRetryAfterSuccessGetsTheSameOrderAndAnotherBodyIsAMismatch() {
    String first = orderIdOf(checkout.checkout("ada", "key-1", "same-body"));
    fillCart("ada", 2); // the shopper filled the cart again meanwhile

    assertThat(orderIdOf(checkout.checkout("ada", "key-1", "same-body"))).isEqualTo(first);
    assertThat(checkout.checkout("ada", "key-1", "other-body")).isInstanceOf(Answer.Mismatch.class);
    assertThat(stock().reserved()).isEqualTo(3);
    assertThat(maps.orders().size()).isEqualTo(1);
  }

  @Test
  void aShortAnswerIsReplayedUnderTheSameKeyEvenAfterStockArrives() {
    fillCart("ada", 11);

    Answer first = checkout.checkout("ada", "key-1", "same-body");
    fillCart("ada", 2);
    Answer retried = checkout.checkout("ada", "key-1", "same-body");

    assertThat(first).isInstanceOf(Answer.Outcome.class);
    assertThat(((Answer.Outcome) first).outcome()).isInstanceOf(CheckoutOutcome.Short.class);
    assertThat(retried).isEqualTo(first);
    assertThat(stock().reserved()).isZero();
    assertThat(orderIdOf(checkout.checkout("ada", "key-2", "same-body"))).isNotNull();
  }

  @Test
  void aRetryAfterTheFirstAttemptDiedMidwayFinishesItWithoutHoldingTwice() {
    // an API node began the attempt, held the stock, and died before writing the order
    String orderId = IdempotentCheckout.orderIdFor("ada", "key-1");
    maps.checkoutAttempts()
        .executeOnKey(
            "ada\nkey-1",
            new BeginAttemptProcessor(
                "same-body",
                orderId,
                "dead-node",
                clock.instant(),
                clock.instant().plusSeconds(30)));
    maps.inventory()
        .executeOnKey(
            KEY, new HoldStockProcessor(orderId, 3, clock.instant().plus(Duration.ofMinutes(10))));

    assertThat(checkout.checkout("ada", "key-1", "same-body")).isInstanceOf(Answer.Busy.class);
    clock.advance(IdempotentCheckout.LEASE.plusSeconds(1));
    Answer resumed = checkout.checkout("ada", "key-1", "same-body");

    assertThat(orderIdOf(resumed)).isEqualTo(orderId);
    assertThat(stock().reserved()).isEqualTo(3);
    GridInvariants.assertConsistent(maps);
  }
}
