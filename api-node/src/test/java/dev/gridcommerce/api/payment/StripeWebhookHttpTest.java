package dev.gridcommerce.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.StoreStock;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.payment.PaymentGateway;
import dev.gridcommerce.grid.payment.StripeGateway;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.standin.StripeStandIn;
import dev.gridcommerce.standin.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Stripe's webhook end to end: an order placed over HTTP, its PaymentIntent at the stand-in, the
 * shopper's card confirmed there, and the stand-in's signed event delivered to the API node.
 */
@EmbeddedGridTest
@TestPropertySource(
    properties = "commerce.payments.stripe.webhook-secret=" + StripeWebhookHttpTest.SECRET)
class StripeWebhookHttpTest {

  static final String SECRET = "whsec_webhook_test";
  private static final String STORE = "berlin-mitte";

  @LocalServerPort int port;
  @Autowired GridMaps maps;

  private StripeStandIn standIn;
  private StripeGateway gateway;
  private ApiClient anonymous;

  @BeforeEach
  void start() {
    standIn =
        StripeStandIn.start(
            StripeStandIn.Settings.defaults()
                .withWebhooks(
                    "http://localhost:" + port + "/api/v1/payments/stripe/webhook", SECRET));
    gateway =
        new StripeGateway(
            StripeGateway.Settings.of(
                standIn.settings().secretKey(),
                standIn.settings().publishableKey(),
                standIn.apiBase()));
    anonymous = new ApiClient(port);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  /** A shopper's order of one unit of a product with stock; its id. */
  private String placeOrder(String email, String sku) {
    ApiClient shopper = anonymous.newShopper(email);
    assertThat(shopper.put("/api/v1/cart/store", Map.of("storeId", STORE)).status()).isEqualTo(200);
    assertThat(shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status())
        .isEqualTo(200);
    Response placed = shopper.post("/api/v1/checkout", null, Map.of());
    assertThat(placed.status()).isEqualTo(201);
    return placed.body().get("id").asString();
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

  /**
   * Once every event the stand-in sent was delivered: the order has a failed payment on its
   * timeline and is still payable.
   */
  private void assertPayableWithAFailedPayment(String orderId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> standIn.webhooks().delivered() == standIn.webhooks().events().size());
    assertThat(order(orderId).events()).anyMatch(e -> e.type() == OrderEventType.PAYMENT_FAILED);
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
  }

  private Webhooks.Event event(String type, String intentId) {
    return standIn.webhooks().events().stream()
        .filter(e -> e.type().equals(type) && e.payload().contains(intentId))
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> deliverByHand(String payload, String signature) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/v1/payments/stripe/webhook"))
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(payload));
      if (signature != null) {
        request.header("Stripe-Signature", signature);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void aSignedSuccessPaysTheOrderAndSellsItsUnitsOnceHoweverManyCopiesArrive() throws Exception {
    String sku = someSku(0);
    Stock before = stock(sku);
    String orderId = placeOrder("payer@example.com", sku);
    standIn.webhooks().drop(true); // nothing is sent but the 20 copies, all at once
    PaymentGateway.Intent intent =
        gateway.intentFor(orderId, order(orderId).shopperId(), order(orderId).total());

    standIn.confirm(intent.id(), "pm_card_visa");
    standIn.webhooks().deliver(event("payment_intent.succeeded", intent.id()).id(), 20);

    await().atMost(Duration.ofSeconds(20)).until(() -> standIn.webhooks().delivered() == 20);
    Order paid = order(orderId);
    assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
    assertThat(paid.events()).filteredOn(e -> e.type() == OrderEventType.PAID).hasSize(1);
    // the unit is sold once: still on hand (until dispatch) but no longer anyone else's
    assertThat(stock(sku).sold()).isEqualTo(before.sold() + 1);
    assertThat(stock(sku).available()).isEqualTo(before.available() - 1);
    assertThat(stock(sku).onHand()).isEqualTo(before.onHand());
  }

  @Test
  void aDeclinedCardLeavesTheOrderPayableWithTheFailureOnItsTimeline() throws Exception {
    String orderId = placeOrder("declined@example.com", someSku(1));
    PaymentGateway.Intent intent =
        gateway.intentFor(orderId, order(orderId).shopperId(), order(orderId).total());

    standIn.confirm(intent.id(), "pm_card_chargeDeclined");

    assertPayableWithAFailedPayment(orderId);
  }

  @Test
  void aPaymentOfAnotherAmountIsNotTakenAsPayment() throws Exception {
    String orderId = placeOrder("short@example.com", someSku(2));
    Money total = order(orderId).total();
    PaymentGateway.Intent intent =
        gateway.intentFor(
            orderId,
            order(orderId).shopperId(),
            new Money(total.amountMinor() - 1, total.currency()));

    standIn.confirm(intent.id(), "pm_card_visa");

    assertPayableWithAFailedPayment(orderId);
  }

  @Test
  void aTamperedUnsignedOrForeignEventIsRefusedAndChangesNothing() throws Exception {
    String orderId = placeOrder("tamper@example.com", someSku(3));
    standIn.webhooks().drop(true);
    PaymentGateway.Intent intent =
        gateway.intentFor(orderId, order(orderId).shopperId(), order(orderId).total());
    standIn.confirm(intent.id(), "pm_card_visa");
    Webhooks.Event success = event("payment_intent.succeeded", intent.id());
    String signature = standIn.webhooks().signature(success.payload());

    HttpResponse<String> tampered =
        deliverByHand(
            success.payload().replace("\"livemode\":false", "\"livemode\":true"), signature);
    HttpResponse<String> unsigned = deliverByHand(success.payload(), null);
    long now = System.currentTimeMillis() / 1000;
    HttpResponse<String> stale =
        deliverByHand(
            success.payload(),
            Webhook.Signature.generateSignatureHeader(success.payload(), SECRET, now - 600));
    HttpResponse<String> foreign =
        deliverByHand(
            success.payload(),
            Webhook.Signature.generateSignatureHeader(success.payload(), "whsec_other", now));

    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(tampered.body()).contains("invalid-signature");
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("invalid-signature");
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("invalid-signature");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("invalid-signature");
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);

    String recent = Webhook.Signature.generateSignatureHeader(success.payload(), SECRET, now - 200);
    assertThat(deliverByHand(success.payload(), recent).statusCode()).isEqualTo(200);
    assertThat(order(orderId).status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void anEventAboutNoOrderOfOursOrOfAnotherTypeIsAcknowledged() throws Exception {
    standIn.webhooks().drop(true);
    PaymentGateway.Intent intent =
        gateway.intentFor("no-such-order", "someone", new Money(100, "EUR"));
    standIn.confirm(intent.id(), "pm_card_visa");
    Webhooks.Event success = event("payment_intent.succeeded", intent.id());

    HttpResponse<String> answer =
        deliverByHand(success.payload(), standIn.webhooks().signature(success.payload()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("UNKNOWN_ORDER");
    Webhooks.Event created = event("payment_intent.created", intent.id());
    HttpResponse<String> ignored =
        deliverByHand(created.payload(), standIn.webhooks().signature(created.payload()));
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).contains("IGNORED");
  }
}
