package dev.gridcommerce.grid.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.standin.StripeStandIn;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A payment's success racing the expiry sweep, on a 3-member cluster, with the real stripe-java
 * against the stand-in: each order is paid at Stripe for the last unit of a product just as its
 * hold runs out, and in half of the rounds another shopper wants that unit the moment it is
 * released. Whoever wins, the order ends PAID with its unit sold and no refund, or REFUNDED with
 * its unit released and exactly one refund of its total at Stripe; never both, never neither (rule
 * 6).
 */
class PaymentsClusterTest {

  private static final int ROUNDS = 50;
  private static final Duration PAST_EXPIRY = Doors.HOLD_FOR.plusSeconds(1);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;
  private StripeStandIn standIn;
  private StripeGateway gateway;
  private Payments payments;

  @BeforeEach
  void start() {
    grid = TestGrid.inMemory().start(3);
    maps = new GridMaps(grid.client());
    doors = Doors.of(grid.client(), clock);
    new ShoppingRun(ROUNDS, 1, 0, 0).stock(doors);
    standIn = StripeStandIn.start(StripeStandIn.Settings.defaults());
    gateway =
        new StripeGateway(
            StripeGateway.Settings.of(
                standIn.settings().secretKey(),
                standIn.settings().publishableKey(),
                standIn.apiBase()));
    payments = new Payments(doors.orders(), gateway, clock);
  }

  @AfterEach
  void stop() {
    standIn.close();
    grid.close();
  }

  private Order place(String shopper, String sku) {
    doors.carts().chooseStore(shopper, ShoppingRun.STORE);
    doors.carts().setQuantity(shopper, sku, 1);
    CheckoutOutcome outcome =
        doors
            .checkout()
            .place(new CheckoutRequest(shopper, new IdempotencyKey(shopper, "k-" + shopper), null));
    return outcome instanceof CheckoutOutcome.Placed placed ? placed.order() : null;
  }

  private Stock stock(String sku) {
    return maps.inventory().get(new StockKey(ShoppingRun.STORE, sku));
  }

  @Test
  void aSuccessRacingTheExpirySweepEndsPaidAndSoldOrRefundedAndReleasedNeverBoth()
      throws Exception {
    Map<OrderStatus, Integer> ends = new EnumMap<>(OrderStatus.class);
    PaymentFollowUp followUp = new PaymentFollowUp(doors.orders(), payments, gateway);
    try (ExecutorService racers = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < ROUNDS; round++) {
        String sku = ShoppingRun.sku(round);
        Order order = place("ada-" + round, sku);
        Payments.PaymentStart started = payments.start(order).orElseThrow();
        assertThat(standIn.confirm(started.intentId(), "pm_card_visa")).isEqualTo(200);
        clock.advance(PAST_EXPIRY);
        int refundsBefore = standIn.refundsMade();
        boolean rival = round % 3 != 0;
        boolean rivalFirst = round % 3 == 2;
        long successDelayMicros = (round % 10) * 300L;
        String rivalShopper = "bob-" + round;

        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch rivalDone = new CountDownLatch(rivalFirst ? 1 : 0);
        CompletableFuture<Payments.Verdict> success =
            CompletableFuture.supplyAsync(
                () -> {
                  await(go);
                  await(rivalDone);
                  pause(successDelayMicros);
                  return payments.succeeded(
                      StripeGateway.PROVIDER, order.id(), started.intentId(), order.total());
                },
                racers);
        CompletableFuture<Order> sweepThenRival =
            CompletableFuture.supplyAsync(
                () -> {
                  await(go);
                  doors.orders().sweep();
                  Order taken = rival ? place(rivalShopper, sku) : null;
                  rivalDone.countDown();
                  return taken;
                },
                racers);
        go.countDown();
        Payments.Verdict verdict = success.get();
        Order rivals = sweepThenRival.get();
        if (verdict == Payments.Verdict.RETRY_LATER) { // Stripe sends it again: so do we
          doors.orders().sweep();
          verdict =
              payments.succeeded(
                  StripeGateway.PROVIDER, order.id(), started.intentId(), order.total());
        }
        for (OrderEvent event : maps.orders().get(order.id()).events()) {
          followUp.handle(event); // what the payments subscriber does with each event
        }

        Order end = maps.orders().get(order.id());
        Stock stock = stock(sku);
        String round_ = "round " + round + " (" + verdict + ", rival " + (rivals != null) + ")";
        ends.merge(end.status(), 1, Integer::sum);
        assertThat(end.status()).as(round_).isIn(OrderStatus.PAID, OrderStatus.REFUNDED);
        assertThat(end.isSettled()).as(round_).isTrue();
        assertThat(stock.sold()).as(round_).isLessThanOrEqualTo(stock.onHand());
        assertThat(stock.reserved()).as(round_).isLessThanOrEqualTo(stock.onHand());
        if (end.status() == OrderStatus.PAID) {
          assertThat(stock.holdOf(order.id())).as(round_).isPresent();
          assertThat(stock.sold()).as(round_).isEqualTo(1);
          assertThat(rivals).as(round_).isNull();
          assertThat(standIn.refundsMade()).as(round_).isEqualTo(refundsBefore);
        } else {
          assertThat(stock.holdOf(order.id())).as(round_).isEmpty();
          assertThat(stock.sold()).as(round_).isZero();
          assertThat(end.refunded()).as(round_).isEqualTo(end.total());
          assertThat(standIn.refundsMade()).as(round_).isEqualTo(refundsBefore + 1);
          assertThat(gateway.intent(started.intentId()).succeeded()).isTrue();
        }
        if (rivals != null) {
          assertThat(stock.holdOf(rivals.id())).as(round_).isPresent();
        }
      }
    }
    GridInvariants.assertConsistent(maps);
    assertThat(ends.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROUNDS);
    assertThat(ends).containsKeys(OrderStatus.PAID, OrderStatus.REFUNDED);
    System.out.println("payment racing expiry, " + ROUNDS + " rounds: " + ends);
  }

  private static void pause(long micros) {
    long until = System.nanoTime() + micros * 1_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anOrderThatExpiresUnpaidHasItsIntentCancelledSoNobodyPaysIt() throws Exception {
    Order order = place("cleo", ShoppingRun.sku(0));
    Payments.PaymentStart started = payments.start(order).orElseThrow();
    PaymentFollowUp followUp = new PaymentFollowUp(doors.orders(), payments, gateway);

    clock.advance(PAST_EXPIRY);
    doors.orders().sweep();
    Order expired = maps.orders().get(order.id());
    assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
    followUp.handle(expired.events().getLast());

    assertThat(gateway.intent(started.intentId()).status()).isEqualTo("canceled");
    assertThat(standIn.confirm(started.intentId(), "pm_card_visa")).isEqualTo(400);
    // the same event again (at least once): nothing more happens, nothing fails
    followUp.handle(expired.events().getLast());
    assertThat(standIn.refundsMade()).isZero();
  }

  private Order paidOrder(String shopper, String sku) {
    Order order = place(shopper, sku);
    Payments.PaymentStart started = payments.start(order).orElseThrow();
    assertThat(standIn.confirm(started.intentId(), "pm_card_visa")).isEqualTo(200);
    assertThat(
            payments.succeeded(
                StripeGateway.PROVIDER, order.id(), started.intentId(), order.total()))
        .isEqualTo(Payments.Verdict.APPLIED);
    return maps.orders().get(order.id());
  }

  private Order cancelled(Order order) {
    assertThat(doors.orders().move(order.id(), OrderStatus.CANCELLED).changed()).isTrue();
    return maps.orders().get(order.id());
  }

  @Test
  void anExpiredOrderWhoseIntentWasPaidButWhoseSuccessNeverCameIsPaidLate() {
    Order order = place("dora", ShoppingRun.sku(1));
    Payments.PaymentStart started = payments.start(order).orElseThrow();
    assertThat(standIn.confirm(started.intentId(), "pm_card_visa")).isEqualTo(200);
    PaymentFollowUp followUp = new PaymentFollowUp(doors.orders(), payments, gateway);

    clock.advance(PAST_EXPIRY);
    doors.orders().sweep();
    followUp.handle(maps.orders().get(order.id()).events().getLast()); // EXPIRED

    Order end = maps.orders().get(order.id());
    assertThat(end.status()).isEqualTo(OrderStatus.PAID);
    assertThat(stock(ShoppingRun.sku(1)).sold()).isEqualTo(1);
    assertThat(standIn.refundsMade()).isZero();
  }

  @Test
  void aRefundRefusedBecauseSomeWasRefundedByHandRecordsThatAndRefundsTheRest() {
    Order paid = paidOrder("emil", ShoppingRun.sku(2));
    long part = paid.total().amountMinor() / 2;
    assertThat(standIn.refundByHand(paid.payment().id(), part)).isEqualTo(200);
    PaymentFollowUp followUp = new PaymentFollowUp(doors.orders(), payments, gateway);

    Order order = cancelled(paid); // the hand-made refund's report has not arrived
    followUp.handle(order.events().getLast());

    assertThat(maps.orders().get(order.id()).refunded().amountMinor()).isEqualTo(part);
    assertThat(payments.reconcile(Duration.ZERO).refunded()).isEqualTo(1);
    Order end = maps.orders().get(order.id());
    assertThat(end.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(end.refunded()).isEqualTo(end.total());
    assertThat(gateway.refunded(end.payment().id())).isEqualTo(end.total());
    assertThat(standIn.refundsMade()).isEqualTo(2);
  }

  @Test
  void aRefundDueWhileStripeIsDownDoesNotHoldUpOtherOrdersAndIsMadeByTheReconciliation() {
    Order first = cancelled(paidOrder("fritz", ShoppingRun.sku(3)));
    Order second = cancelled(paidOrder("gerd", ShoppingRun.sku(4)));
    PaymentFollowUp followUp = new PaymentFollowUp(doors.orders(), payments, gateway);
    standIn.faults().failNext("POST /v1/refunds$", 3, 503); // each of the client's 3 tries

    followUp.handle(first.events().getLast());
    followUp.handle(second.events().getLast());

    assertThat(maps.orders().get(first.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(maps.orders().get(second.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(payments.reconcile(Duration.ZERO).refunded()).isEqualTo(1);
    assertThat(maps.orders().get(first.id()).status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(standIn.refundsMade()).isEqualTo(2);
    assertThat(payments.reconcile(Duration.ZERO).refunded()).isZero();
  }
}
