package dev.gridcommerce.grid.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.CheckoutPolicy;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.order.OrderChange.Verdict;
import dev.gridcommerce.grid.sweep.StockSweep;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order's life on a 2-member cluster, and what each step does to the stock: rules 5 (expiry and
 * cancellation return held units within one sweep, also when the caller died midway) and 6 (payment
 * sells exactly once; a late payment sells if it can, else refunds).
 */
class OrderLifecycleClusterTest {

  private static final String SKU = ShoppingRun.sku(0);
  private static final StockKey KEY = new StockKey(ShoppingRun.STORE, SKU);
  private static final Duration PAST_EXPIRY = CheckoutPolicy.DEFAULT.holdFor().plusSeconds(1);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Checkout checkout;
  private OrderPayments payments;
  private OrderLifecycle lifecycle;
  private StockSweep sweep;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    maps = new GridMaps(grid.client());
    new ShoppingRun(1, 5, 0, 0).stock(maps);
    checkout = new Checkout(maps, clock, CheckoutPolicy.DEFAULT);
    payments = new OrderPayments(maps, clock);
    lifecycle = new OrderLifecycle(maps, clock);
    sweep = new StockSweep(maps, clock);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private Order place(String shopper, int units) {
    maps.carts()
        .executeOnKey(shopper, new ChooseStoreProcessor(ShoppingRun.STORE, clock.instant()));
    maps.carts().executeOnKey(shopper, new SetCartLineProcessor(SKU, units, clock.instant()));
    CheckoutOutcome outcome = checkout.place(shopper, "order-of-" + shopper);
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    return ((CheckoutOutcome.Placed) outcome).order();
  }

  private Stock stock() {
    return maps.inventory().get(KEY);
  }

  @Test
  void paymentSellsTheHeldUnitsExactlyOnceHoweverOftenItArrives() throws Exception {
    Order order = place("ada", 2);

    List<OrderPayments.Result> results;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<OrderPayments.Result>> deliveries =
          IntStream.range(0, 8)
              .mapToObj(i -> pool.submit(() -> payments.paid(order.id())))
              .toList();
      results = new java.util.ArrayList<>();
      for (Future<OrderPayments.Result> delivery : deliveries) {
        results.add(delivery.get());
      }
    }

    assertThat(results).containsOnlyOnce(OrderPayments.Result.PAID);
    assertThat(maps.orders().get(order.id()).status()).isEqualTo(OrderStatus.PAID);
    assertThat(stock().sold()).isEqualTo(2);
    assertThat(stock().available()).isEqualTo(3);
    assertThat(payments.paid(order.id())).isEqualTo(OrderPayments.Result.ALREADY_PAID);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void anUnpaidOrderExpiresAndItsUnitsComeBackWithinOneSweep() {
    Order order = place("ada", 2);

    clock.advance(PAST_EXPIRY);
    StockSweep.Report report = sweep.run();

    assertThat(report.expiredOrders()).isEqualTo(1);
    assertThat(maps.orders().get(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(stock().available()).isEqualTo(5);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aPaymentAfterExpirySellsTheUnitsWhenTheyAreStillThere() {
    Order order = place("ada", 2);
    clock.advance(PAST_EXPIRY);
    sweep.run();

    assertThat(payments.paid(order.id())).isEqualTo(OrderPayments.Result.PAID);

    assertThat(maps.orders().get(order.id()).status()).isEqualTo(OrderStatus.PAID);
    assertThat(stock().sold()).isEqualTo(2);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aPaymentAfterExpiryWhoseUnitsWentToSomeoneElseIsMarkedForRefund() {
    Order late = place("ada", 4);
    clock.advance(PAST_EXPIRY);
    sweep.run();
    Order other = place("bob", 3);
    payments.paid(other.id());

    assertThat(payments.paid(late.id())).isEqualTo(OrderPayments.Result.REFUND_DUE);

    assertThat(maps.orders().get(late.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(stock().sold()).isEqualTo(3);
    assertThat(stock().holdOf(late.id())).isEmpty();
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void cancellingBeforePickingReturnsTheUnitsAndAfterIsRefused() {
    Order unpaid = place("ada", 1);
    Order paid = place("bob", 2);
    Order picking = place("cy", 1);
    payments.paid(paid.id());
    payments.paid(picking.id());
    lifecycle.move(picking.id(), OrderStatus.PICKING);

    assertThat(lifecycle.move(unpaid.id(), OrderStatus.CANCELLED).changed()).isTrue();
    assertThat(lifecycle.move(paid.id(), OrderStatus.CANCELLED).changed()).isTrue();
    assertThat(lifecycle.move(picking.id(), OrderStatus.CANCELLED).verdict())
        .isEqualTo(Verdict.ILLEGAL);
    assertThat(lifecycle.move(paid.id(), OrderStatus.CANCELLED).verdict())
        .isEqualTo(Verdict.UNCHANGED);

    assertThat(stock().available()).isEqualTo(4);
    assertThat(stock().sold()).isEqualTo(1);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void dispatchTakesTheSoldUnitsOffTheShelfAndRecordsTheMovement() {
    Order order = place("ada", 2);
    payments.paid(order.id());
    lifecycle.move(order.id(), OrderStatus.PICKING);

    lifecycle.move(order.id(), OrderStatus.OUT_FOR_DELIVERY);
    lifecycle.move(order.id(), OrderStatus.DELIVERED);

    assertThat(stock().onHand()).isEqualTo(3);
    assertThat(stock().reserved()).isZero();
    assertThat(stock().movements())
        .extracting(StockMovement::id, StockMovement::delta, StockMovement::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dispatch:" + order.id(), -2, MovementReason.DISPATCH));
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void holdsOfAnApiNodeThatDiedBeforeWritingTheOrderAreReleasedAfterExpiry() {
    maps.inventory()
        .executeOnKey(
            KEY,
            new HoldStockProcessor(
                "never-written", 3, clock.instant().plus(CheckoutPolicy.DEFAULT.holdFor())));

    assertThat(sweep.run().releasedHolds()).isZero();
    clock.advance(PAST_EXPIRY);
    assertThat(sweep.run().releasedHolds()).isEqualTo(1);

    assertThat(stock().available()).isEqualTo(5);
  }

  @Test
  void aStockChangeLeftPendingByACallerThatDiedIsAppliedByTheSweep() {
    Order order = place("ada", 2);
    maps.orders()
        .executeOnKey(order.id(), new MoveOrderProcessor(OrderStatus.CANCELLED, clock.instant()));
    assertThat(maps.orders().get(order.id()).pendingStock()).isEqualTo(StockEffect.RELEASE);

    assertThat(sweep.run().settledOrders()).isEqualTo(1);

    assertThat(maps.orders().get(order.id()).isSettled()).isTrue();
    assertThat(stock().available()).isEqualTo(5);
    GridInvariants.assertConsistent(maps);
  }
}
