package dev.gridcommerce.grid.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.OrderIds;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.PaymentOutcome;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
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
  private static final IdempotencyKey KEY_1 = new IdempotencyKey("ada", "key-1");
  private static final CheckoutRequest REQUEST = new CheckoutRequest("ada", KEY_1, null);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;
  private Checkout checkout;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    maps = new GridMaps(grid.client());
    doors = Doors.of(grid.client(), clock);
    new ShoppingRun(2, 10, 0, 0).stock(doors);
    checkout = doors.checkout();
    fillCart("ada", 3);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private void fillCart(String shopper, int units) {
    doors.carts().chooseStore(shopper, ShoppingRun.STORE);
    doors.carts().setQuantity(shopper, SKU, units);
  }

  private Stock stock() {
    return maps.inventory().get(KEY);
  }

  private static String orderIdOf(CheckoutOutcome outcome) {
    return ((CheckoutOutcome.Placed) outcome).order().id();
  }

  @Test
  void twentyCopiesOfOneRequestAtOncePlaceOneOrderAndHoldItsUnitsOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<CheckoutOutcome> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      List<Future<CheckoutOutcome>> copies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        copies.add(
            pool.submit(() -> {
              start.await();
              return checkout.place(REQUEST);
            }));
      }
      start.countDown();
      for (Future<CheckoutOutcome> copy : copies) {
        answers.add(copy.get());
      }
    }

    List<CheckoutOutcome> placed =
        answers.stream().filter(CheckoutOutcome.Placed.class::isInstance).toList();
    assertThat(placed).isNotEmpty();
    assertThat(placed.stream().map(IdempotencyClusterTest::orderIdOf).distinct()).hasSize(1);
    assertThat(answers)
        .allSatisfy(a ->
            assertThat(a)
                .isInstanceOfAny(CheckoutOutcome.Placed.class, CheckoutOutcome.InProgress.class));
    assertThat(maps.orders().size()).isEqualTo(1);
    assertThat(stock().reserved()).isEqualTo(3);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aRetryAfterSuccessGetsTheSameOrderAndAnotherBodyIsAMismatch() {
    String first = orderIdOf(checkout.place(REQUEST));
    fillCart("ada", 2); // the shopper filled the cart again meanwhile

    assertThat(orderIdOf(checkout.place(REQUEST)))
        .isEqualTo(first)
        .isEqualTo(maps.checkoutAttempts().get(KEY_1.scoped()).orderId());
    assertThat(checkout.place(new CheckoutRequest("ada", KEY_1, new GeoPoint(52.5, 13.4))))
        .isInstanceOf(CheckoutOutcome.KeyReused.class);
    assertThat(stock().reserved()).isEqualTo(3);
    assertThat(maps.orders().size()).isEqualTo(1);
  }

  @Test
  void aShortAnswerIsReplayedUnderTheSameKeyEvenAfterStockArrives() {
    fillCart("ada", 11);

    CheckoutOutcome first = checkout.place(REQUEST);
    fillCart("ada", 2);
    CheckoutOutcome retried = checkout.place(REQUEST);

    assertThat(first).isInstanceOf(CheckoutOutcome.Short.class);
    assertThat(retried).isEqualTo(first);
    assertThat(stock().reserved()).isZero();
    assertThat(
            orderIdOf(
                checkout.place(
                    new CheckoutRequest("ada", new IdempotencyKey("ada", "key-2"), null))))
        .isNotNull();
  }

  @Test
  void aRetryAfterTheFirstAttemptDiedMidwayFinishesItWithoutHoldingTwice() {
    // an API node began the attempt, held the stock, and died before writing the order
    String orderId = OrderIds.next(clock.instant());
    maps.checkoutAttempts()
        .executeOnKey(
            KEY_1.scoped(),
            new BeginAttemptProcessor(
                REQUEST.fingerprint(),
                orderId,
                "dead-node",
                clock.instant(),
                clock.instant().plus(IdempotentCheckout.LEASE)));
    doors
        .inventory()
        .holdAll(
            List.of(
                new Inventory.HoldRequest(KEY, orderId, 3, clock.instant().plus(Doors.HOLD_FOR))));

    assertThat(checkout.place(REQUEST)).isInstanceOf(CheckoutOutcome.InProgress.class);
    clock.advance(IdempotentCheckout.LEASE.plusSeconds(1));
    CheckoutOutcome resumed = checkout.place(REQUEST);

    assertThat(orderIdOf(resumed)).isEqualTo(orderId);
    assertThat(stock().reserved()).isEqualTo(3);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aKeyForgottenADayLaterIsANewCheckoutThatLeavesTheFirstOrderAlone() {
    String first = orderIdOf(checkout.place(REQUEST));
    assertThat(doors.orders().paid(first, new PaymentReference("test", "pay-1")))
        .isEqualTo(PaymentOutcome.PAID);
    maps.checkoutAttempts().delete(KEY_1.scoped()); // a day later the key is forgotten
    StockKey other = new StockKey(ShoppingRun.STORE, ShoppingRun.sku(1));
    doors.carts().setQuantity("ada", other.sku(), 2);

    String second = orderIdOf(checkout.place(REQUEST));

    assertThat(second).isNotEqualTo(first);
    assertThat(maps.orders().get(first).status()).isEqualTo(OrderStatus.PAID);
    assertThat(stock().sold()).isEqualTo(3);
    assertThat(stock().reserved()).isEqualTo(3);
    assertThat(maps.inventory().get(other).reserved()).isEqualTo(2);
    GridInvariants.assertConsistent(maps);
  }
}
