package dev.gridcommerce.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.StandInPayments;
import dev.gridcommerce.api.testing.StoreStock;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.standin.StripeStandIn;
import dev.gridcommerce.standin.Webhooks;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paying an order over HTTP as a shopper and Stripe would: checkout starts the order's
 * PaymentIntent at the Stripe stand-in (real stripe-java over HTTP), the shopper's card is
 * confirmed there, and the stand-in's signed events reach the API node's webhook. Also: events out
 * of order, Stripe down or slow at intent creation, a webhook that never comes, and the refund of a
 * cancelled paid order by the grid's payments subscriber.
 */
@EmbeddedGridTest
class PaymentFlowHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final StripeStandIn STAND_IN =
      StripeStandIn.start(StripeStandIn.Settings.defaults());
  private static final AtomicInteger SHOPPERS = new AtomicInteger();

  /**
   * Only the request that creates an intent (the subscriber reads and cancels others meanwhile).
   */
  private static final String CREATE_INTENT = "POST /v1/payment_intents$";

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    StandInPayments.register(registry, STAND_IN);
    registry.add("commerce.payments.stripe.read-timeout", () -> "1s");
  }

  @LocalServerPort int port;
  @Autowired GridMaps maps;

  private ApiClient anonymous;

  @BeforeEach
  void deliverToThisNode() {
    anonymous = new ApiClient(port);
    StandInPayments.deliverTo(STAND_IN, port);
  }

  @AfterEach
  void clearFaults() {
    STAND_IN.faults().clear();
    STAND_IN.webhooks().drop(false);
  }

  @AfterAll
  static void stopStandIn() {
    STAND_IN.close();
  }

  /** A new shopper with one unit of a product in their cart; the product's sku. */
  private ApiClient shopperWithACart(String sku) {
    ApiClient shopper =
        anonymous.newShopper("payer-" + SHOPPERS.incrementAndGet() + "@example.com");
    assertThat(shopper.put("/api/v1/cart/store", Map.of("storeId", STORE)).status()).isEqualTo(200);
    assertThat(shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status())
        .isEqualTo(200);
    return shopper;
  }

  private static Response checkout(ApiClient shopper, String key) {
    return shopper.post(
        "/api/v1/checkout", null, key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  private String someSku(int index) {
    return new StoreStock(maps, STORE).someSku(index);
  }

  private Order order(String id) {
    return new StoreStock(maps, STORE).order(id);
  }

  private Stock stock(String sku) {
    return new StoreStock(maps, STORE).stock(sku);
  }

  private static String intentOf(Response placed) {
    return placed.body().get("payment").get("intentId").asString();
  }

  private Webhooks.Event event(String type, String intentId) {
    return STAND_IN.webhooks().events().stream()
        .filter(e -> e.type().equals(type) && e.payload().contains(intentId))
        .findFirst()
        .orElseThrow();
  }

  private void awaitStatus(String orderId, OrderStatus status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(order(orderId).status()).isEqualTo(status));
  }

  @Test
  void checkoutStartsOneIntentReplaysItsClientSecretAndASignedSuccessPaysTheOrder() {
    String sku = someSku(0);
    Stock before = stock(sku);
    ApiClient shopper = shopperWithACart(sku);
    int intentsBefore = STAND_IN.intentsCreated();

    Response placed = checkout(shopper, "pay-e2e");
    Response replayed = checkout(shopper, "pay-e2e");

    assertThat(placed.status()).isEqualTo(201);
    var payment = placed.body().get("payment");
    assertThat(payment.get("provider").asString()).isEqualTo("stripe");
    assertThat(payment.get("publishableKey").asString()).isEqualTo("pk_test_standin");
    assertThat(payment.get("status").asString()).isEqualTo("requires_payment_method");
    assertThat(payment.get("clientSecret").asString()).startsWith(intentOf(placed) + "_secret_");
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.body().get("payment").get("clientSecret").asString())
        .isEqualTo(payment.get("clientSecret").asString());
    assertThat(STAND_IN.intentsCreated()).isEqualTo(intentsBefore + 1);
    String orderId = placed.body().get("id").asString();
    assertThat(order(orderId).payment().id()).isEqualTo(intentOf(placed));

    assertThat(STAND_IN.confirm(intentOf(placed), "pm_card_visa")).isEqualTo(200);

    awaitStatus(orderId, OrderStatus.PAID);
    assertThat(stock(sku).sold()).isEqualTo(before.sold() + 1);
    assertThat(stock(sku).available()).isEqualTo(before.available() - 1);
    Response seen = shopper.get("/api/v1/orders/" + orderId);
    assertThat(seen.body().get("status").asString()).isEqualTo("PAID");
    assertThat(seen.body().get("payment").get("intentId").asString()).isEqualTo(intentOf(placed));
  }

  @Test
  void aRefundThatArrivesBeforeItsSuccessEndsTheOrderRefundedWithItsUnitsReleased()
      throws Exception {
    String sku = someSku(1);
    Stock before = stock(sku);
    Response placed = checkout(shopperWithACart(sku), null);
    String orderId = placed.body().get("id").asString();
    String intent = intentOf(placed);
    STAND_IN.webhooks().drop(true);
    STAND_IN.confirm(intent, "pm_card_visa");
    STAND_IN.refundByHand(intent, order(orderId).total().amountMinor());
    STAND_IN.webhooks().drop(false);

    STAND_IN.webhooks().deliver(event("charge.refunded", intent).id(), 1);
    awaitStatus(orderId, OrderStatus.REFUNDED);
    STAND_IN.webhooks().deliver(event("payment_intent.succeeded", intent).id(), 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> STAND_IN.webhooks().pending() == 0);

    Order end = order(orderId);
    assertThat(end.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(end.refunded()).isEqualTo(end.total());
    assertThat(stock(sku).sold()).isEqualTo(before.sold());
    assertThat(stock(sku).available()).isEqualTo(before.available());
  }

  @Test
  void aFailureThatArrivesAfterTheSuccessLeavesTheOrderPaid() {
    String sku = someSku(2);
    Response placed = checkout(shopperWithACart(sku), null);
    String orderId = placed.body().get("id").asString();
    String intent = intentOf(placed);
    STAND_IN.webhooks().drop(true);
    assertThat(STAND_IN.confirm(intent, "pm_card_chargeDeclined")).isEqualTo(402);
    assertThat(STAND_IN.confirm(intent, "pm_card_visa")).isEqualTo(200);
    STAND_IN.webhooks().drop(false);

    STAND_IN.webhooks().deliver(event("payment_intent.succeeded", intent).id(), 1);
    awaitStatus(orderId, OrderStatus.PAID);
    STAND_IN.webhooks().deliver(event("payment_intent.payment_failed", intent).id(), 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> STAND_IN.webhooks().pending() == 0);

    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void stripeFailingAtIntentCreationKeepsTheHoldForTheSameKeyWhichThenGetsTheOneIntent() {
    String sku = someSku(3);
    Stock before = stock(sku);
    ApiClient shopper = shopperWithACart(sku);
    int intentsBefore = STAND_IN.intentsCreated();
    STAND_IN.faults().failNext(CREATE_INTENT, 3, 500); // the first try and both retries

    Response down = checkout(shopper, "pay-when-back");

    assertThat(down.status()).isEqualTo(503);
    assertThat(down.body().get("type").asString()).endsWith("payment-unavailable");
    assertThat(down.body().get("retryable").asBoolean()).isTrue();
    String orderId = down.body().get("orderId").asString();
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    assertThat(stock(sku).available()).isEqualTo(before.available() - 1);

    Response back = checkout(shopper, "pay-when-back");

    assertThat(back.status()).isEqualTo(201);
    assertThat(back.body().get("id").asString()).isEqualTo(orderId);
    assertThat(STAND_IN.intentsCreated()).isEqualTo(intentsBefore + 1);
    assertThat(stock(sku).available()).isEqualTo(before.available() - 1);
  }

  @Test
  void stripeTimingOutAtIntentCreationStillEndsWithOneIntentPerOrder() {
    String sku = someSku(4);
    ApiClient shopper = shopperWithACart(sku);
    int intentsBefore = STAND_IN.intentsCreated();
    // slower than the 1 s read timeout, three times: Stripe makes the intent, nobody hears of it
    STAND_IN.faults().delayNext(CREATE_INTENT, 3, Duration.ofMillis(1_500));

    Response slow = checkout(shopper, "pay-after-timeout");
    assertThat(slow.status()).isEqualTo(503);

    Response back = checkout(shopper, "pay-after-timeout");
    assertThat(back.status()).isEqualTo(201);
    assertThat(STAND_IN.intentsCreated()).isEqualTo(intentsBefore + 1);
  }

  @Test
  void withoutAKeyAnOrderWhosePaymentCantStartIsCancelledAndItsUnitsReleased() {
    String sku = someSku(5);
    Stock before = stock(sku);
    STAND_IN.faults().failNext(CREATE_INTENT, 3, 502);

    Response down = checkout(shopperWithACart(sku), null);

    assertThat(down.status()).isEqualTo(503);
    assertThat(down.body().get("retryable").asBoolean()).isFalse();
    assertThat(order(down.body().get("orderId").asString()).status())
        .isEqualTo(OrderStatus.CANCELLED);
    assertThat(stock(sku).available()).isEqualTo(before.available());
  }

  @Test
  void aWebhookThatNeverArrivesIsMadeGoodByReconciliation() {
    String sku = someSku(6);
    Response placed = checkout(shopperWithACart(sku), null);
    String orderId = placed.body().get("id").asString();
    STAND_IN.webhooks().drop(true);
    STAND_IN.confirm(intentOf(placed), "pm_card_visa");
    ApiClient admin = anonymous.login("admin@commerce.local", "admin-demo-password");

    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
    Response reconciled = admin.post("/api/v1/admin/payments/reconcile?olderThanSeconds=0", null);

    assertThat(reconciled.status()).isEqualTo(200);
    assertThat(reconciled.body().get("paid").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
    assertThat(
            shopperWithACart(sku)
                .post("/api/v1/admin/payments/reconcile?olderThanSeconds=0", null)
                .status())
        .isEqualTo(403);
  }

  @Test
  void cancellingAPaidOrderRefundsItOnceAtStripeAndPutsItsUnitsBack() {
    String sku = someSku(7);
    Stock before = stock(sku);
    ApiClient shopper = shopperWithACart(sku);
    Response placed = checkout(shopper, null);
    String orderId = placed.body().get("id").asString();
    STAND_IN.confirm(intentOf(placed), "pm_card_visa");
    awaitStatus(orderId, OrderStatus.PAID);
    int refundsBefore = STAND_IN.refundsMade();

    Response cancelled = shopper.post("/api/v1/orders/" + orderId + "/cancel", null);

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
    awaitStatus(orderId, OrderStatus.REFUNDED);
    await().atMost(Duration.ofSeconds(20)).until(() -> STAND_IN.webhooks().pending() == 0);
    assertThat(STAND_IN.refundsMade()).isEqualTo(refundsBefore + 1);
    assertThat(order(orderId).refunded()).isEqualTo(order(orderId).total());
    assertThat(stock(sku).sold()).isEqualTo(before.sold());
    assertThat(stock(sku).available()).isEqualTo(before.available());
    assertThat(
            shopper.get("/api/v1/orders/" + orderId).body().get("refunded").get("amount").asLong())
        .isEqualTo(order(orderId).total().amountMinor());
  }

  @Test
  void aPartialRefundIsRecordedOnAPaidOrderThatGoesAhead() {
    String sku = someSku(8);
    Response placed = checkout(shopperWithACart(sku), null);
    String orderId = placed.body().get("id").asString();
    STAND_IN.confirm(intentOf(placed), "pm_card_visa");
    awaitStatus(orderId, OrderStatus.PAID);

    assertThat(STAND_IN.refundByHand(intentOf(placed), 50)).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(order(orderId).refunded().amountMinor()).isEqualTo(50));
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
    assertThat(order(orderId).events().getLast().type())
        .isEqualTo(dev.gridcommerce.domain.order.OrderEventType.REFUND_RECORDED);
  }

  @Test
  void anIntentCancelledAtStripeCancelsTheUnpaidOrderAndReleasesItsUnits() {
    String sku = someSku(9);
    Stock before = stock(sku);
    Response placed = checkout(shopperWithACart(sku), null);
    String orderId = placed.body().get("id").asString();
    assertThat(stock(sku).available()).isEqualTo(before.available() - 1);

    assertThat(STAND_IN.cancelByHand(intentOf(placed))).isEqualTo(200);

    awaitStatus(orderId, OrderStatus.CANCELLED);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(stock(sku).available()).isEqualTo(before.available()));
  }
}
