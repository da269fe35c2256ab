package dev.gridcommerce.grid.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.OrderChange.Verdict;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
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
  private static final Duration PAST_EXPIRY = Doors.HOLD_FOR.plusSeconds(1);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;
  private Orders orders;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    maps = new GridMaps(grid.client());
    doors = Doors.of(grid.client(), clock);
    new ShoppingRun(1, 5, 0, 0).stock(doors);
    orders = doors.orders();
  }

  private static PaymentReference payment(Order order) {
    return new PaymentReference("test", "pay-" + order.id());
  }

  private PaymentOutcome pay(Order order) {
    return orders.paid(order.id(), payment(order));
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private Order place(String shopper, int units) {
    doors.carts().chooseStore(shopper, ShoppingRun.STORE);
    doors.carts().setQuantity(shopper, SKU, units);
    CheckoutOutcome outcome =
        doors
            .checkout()
            .place(
                new CheckoutRequest(
                    shopper, new IdempotencyKey(shopper, "order-of-" + shopper), null));
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    return ((CheckoutOutcome.Placed) outcome).order();
  }

  private Stock stock() {
    return maps.inventory().get(KEY);
  }

  @Test
  void paymentSellsTheHeldUnitsExactlyOnceHoweverOftenItArrives() throws Exception {
    Order order = place("ada", 2);

    List<PaymentOutcome> results;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<PaymentOutcome>> deliveries =
          IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> pay(order))).toList();
      results = new java.util.ArrayList<>();
      for (Future<PaymentOutcome> delivery : deliveries) {
        results.add(delivery.get());
      }
    }

    assertThat(results).containsOnlyOnce(PaymentOutcome.PAID);
    Order paid = maps.orders().get(order.id());
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.payment()).isEqualTo(payment(order));
    assertThat(paid.events())
        .extracting(OrderEvent::type)
        .containsExactly(OrderEventType.PLACED, OrderEventType.PAID);
    assertThat(stock().sold()).isEqualTo(2);
    assertThat(stock().available()).isEqualTo(3);
    assertThat(pay(order)).isEqualTo(PaymentOutcome.ALREADY_PAID);
    assertThat(orders.paid(order.id(), new PaymentReference("test", "a-second-charge")))
        .as("a second payment of a paid order is due back")
        .isEqualTo(PaymentOutcome.REFUND_DUE);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void anUnpaidOrderExpiresAndItsUnitsComeBackWithinOneSweep() {
    Order order = place("ada", 2);

    clock.advance(PAST_EXPIRY);
    SweepReport report = orders.sweep();

    assertThat(report.expiredOrders()).isEqualTo(1);
    assertThat(maps.orders().get(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(maps.orders().get(order.id()).events().getLast().type())
        .isEqualTo(OrderEventType.EXPIRED);
    assertThat(stock().available()).isEqualTo(5);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aPaymentAfterExpirySellsTheUnitsWhenTheyAreStillThere() {
    Order order = place("ada", 2);
    clock.advance(PAST_EXPIRY);
    orders.sweep();

    assertThat(pay(order)).isEqualTo(PaymentOutcome.PAID);

    assertThat(maps.orders().get(order.id()).status()).isEqualTo(OrderStatus.PAID);
    assertThat(stock().sold()).isEqualTo(2);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aPaymentAfterExpiryWhoseUnitsWentToSomeoneElseIsMarkedForRefund() {
    Order late = place("ada", 4);
    clock.advance(PAST_EXPIRY);
    orders.sweep();
    Order other = place("bob", 3);
    pay(other);

    assertThat(pay(late)).isEqualTo(PaymentOutcome.REFUND_DUE);

    assertThat(maps.orders().get(late.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(maps.orders().get(late.id()).events().getLast().type())
        .isEqualTo(OrderEventType.REFUNDED);
    assertThat(stock().sold()).isEqualTo(3);
    assertThat(stock().holdOf(late.id())).isEmpty();
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void cancellingBeforePickingReturnsTheUnitsAndAfterIsRefused() {
    Order unpaid = place("ada", 1);
    Order paid = place("bob", 2);
    Order picking = place("cy", 1);
    pay(paid);
    pay(picking);
    orders.move(picking.id(), OrderStatus.PICKING);

    assertThat(orders.cancelForShopper("ada", unpaid.id()).changed()).isTrue();
    assertThat(orders.cancelForShopper("ada", paid.id()).verdict())
        .as("someone else's order")
        .isEqualTo(Verdict.MISSING);
    assertThat(orders.cancelForShopper("bob", paid.id()).changed()).isTrue();
    assertThat(orders.cancelForShopper("cy", picking.id()).verdict())
        .as("the shopper can't once picking started")
        .isEqualTo(Verdict.ILLEGAL);
    assertThat(orders.move(paid.id(), OrderStatus.CANCELLED).verdict())
        .isEqualTo(Verdict.UNCHANGED);
    OrderEvent cancelled = maps.orders().get(paid.id()).events().getLast();
    assertThat(cancelled.type()).isEqualTo(OrderEventType.CANCELLED);
    assertThat(cancelled.stockEffect()).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(cancelled.payment()).as("paid: a refund is due").isEqualTo(payment(paid));

    assertThat(stock().available()).isEqualTo(4);
    assertThat(stock().sold()).isEqualTo(1);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void dispatchTakesTheSoldUnitsOffTheShelfAndRecordsTheMovement() {
    Order order = place("ada", 2);
    pay(order);
    orders.moveForStore(ShoppingRun.STORE, order.id(), OrderStatus.PICKING);
    orders.moveForStore(ShoppingRun.STORE, order.id(), OrderStatus.PACKED);

    assertThat(orders.moveForStore("elsewhere", order.id(), OrderStatus.OUT_FOR_DELIVERY).verdict())
        .isEqualTo(Verdict.MISSING);
    orders.moveForStore(ShoppingRun.STORE, order.id(), OrderStatus.OUT_FOR_DELIVERY);
    orders.moveForStore(ShoppingRun.STORE, order.id(), OrderStatus.DELIVERED);

    assertThat(stock().onHand()).isEqualTo(3);
    assertThat(stock().reserved()).isZero();
    assertThat(stock().movements())
        .extracting(StockMovement::id, StockMovement::delta, StockMovement::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dispatch:" + order.id(), -2, MovementReason.DISPATCH));
    assertThat(maps.orders().get(order.id()).events())
        .extracting(OrderEvent::type)
        .containsExactly(
            OrderEventType.PLACED,
            OrderEventType.PAID,
            OrderEventType.PICKING_STARTED,
            OrderEventType.PACKED,
            OrderEventType.OUT_FOR_DELIVERY,
            OrderEventType.DELIVERED);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aFailedPaymentIsAnEventAndTheOrderCanStillBePaid() {
    Order order = place("ada", 1);

    assertThat(orders.paymentFailed(order.id(), "evt-1", "card declined").changed()).isTrue();
    assertThat(orders.paymentFailed(order.id(), "evt-1", "card declined").verdict())
        .as("the same failure told again")
        .isEqualTo(Verdict.UNCHANGED);
    assertThat(pay(order)).isEqualTo(PaymentOutcome.PAID);

    assertThat(maps.orders().get(order.id()).events())
        .extracting(OrderEvent::type, OrderEvent::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderEventType.PLACED, ""),
            org.assertj.core.groups.Tuple.tuple(OrderEventType.PAYMENT_FAILED, "card declined"),
            org.assertj.core.groups.Tuple.tuple(OrderEventType.PAID, ""));
    assertThat(orders.paymentFailed(order.id(), "evt-2", "too late").verdict())
        .isEqualTo(Verdict.ILLEGAL);
  }

  @Test
  void holdsOfAnApiNodeThatDiedBeforeWritingTheOrderAreReleasedAfterExpiry() {
    doors
        .inventory()
        .holdAll(
            List.of(
                new Inventory.HoldRequest(
                    KEY, "never-written", 3, clock.instant().plus(Doors.HOLD_FOR))));

    assertThat(orders.sweep().releasedHolds()).isZero();
    clock.advance(PAST_EXPIRY);
    assertThat(orders.sweep().releasedHolds()).isEqualTo(1);

    assertThat(stock().available()).isEqualTo(5);
  }

  @Test
  void aStockChangeLeftPendingByACallerThatDiedIsAppliedByTheSweep() {
    Order order = place("ada", 2);
    maps.orders()
        .executeOnKey(
            order.id(),
            new MoveOrderProcessor(OrderStatus.CANCELLED, clock.instant(), "cancelled", ""));
    assertThat(maps.orders().get(order.id()).pendingStock()).isEqualTo(StockEffect.RELEASE);

    assertThat(orders.sweep().settledOrders()).isEqualTo(1);

    assertThat(maps.orders().get(order.id()).isSettled()).isTrue();
    assertThat(stock().available()).isEqualTo(5);
    GridInvariants.assertConsistent(maps);
  }
}
