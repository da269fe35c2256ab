package dev.gridcommerce.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in as the project sees it: through the real stripe-java client, over HTTP. */
class StripeStandInTest {

  private static final String WEBHOOK_SECRET = "whsec_test_secret";

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private StripeStandIn standIn;
  private StripeClient stripe;

  private record Delivery(String payload, String signature) {}

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/webhook",
        exchange -> {
          try (exchange) {
            deliveries.add(
                new Delivery(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            exchange.sendResponseHeaders(200, -1);
          }
        });
    receiver.start();
    standIn =
        StripeStandIn.start(
            StripeStandIn.Settings.defaults()
                .withWebhooks(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook",
                    WEBHOOK_SECRET));
    stripe = client(0, 5_000);
  }

  @AfterEach
  void stop() {
    standIn.close();
    receiver.stop(0);
  }

  private StripeClient client(int retries, int readTimeoutMillis) {
    return StripeClient.builder()
        .setApiKey(standIn.settings().secretKey())
        .setApiBase(standIn.apiBase())
        .setMaxNetworkRetries(retries)
        .setConnectTimeout(2_000)
        .setReadTimeout(readTimeoutMillis)
        .build();
  }

  private static PaymentIntentCreateParams intentFor(long amount, String orderId) {
    return PaymentIntentCreateParams.builder()
        .setAmount(amount)
        .setCurrency("eur")
        .setAutomaticPaymentMethods(
            PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
        .putMetadata("order_id", orderId)
        .build();
  }

  private static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private PaymentIntent confirm(String intentId, String paymentMethod) throws StripeException {
    return stripe
        .v1()
        .paymentIntents()
        .confirm(
            intentId, PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).build());
  }

  /** The events delivered so far of one type, each verified as the project will verify it. */
  private List<Event> delivered(String type) {
    return deliveries.stream()
        .map(delivery -> {
          try {
            return Webhook.constructEvent(
                delivery.payload(), delivery.signature(), WEBHOOK_SECRET, 300);
          } catch (SignatureVerificationException e) {
            throw new AssertionError("a delivery's signature did not verify", e);
          }
        })
        .filter(event -> event.getType().equals(type))
        .toList();
  }

  @Test
  void anIntentIsCreatedOncePerIdempotencyKeyAndPaidWithATestCard() throws Exception {
    PaymentIntent created =
        stripe.v1().paymentIntents().create(intentFor(1299, "o-1"), key("order-o-1"));
    PaymentIntent again =
        stripe.v1().paymentIntents().create(intentFor(1299, "o-1"), key("order-o-1"));

    assertThat(created.getStatus()).isEqualTo("requires_payment_method");
    assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
    assertThat(created.getMetadata()).containsEntry("order_id", "o-1");
    assertThat(created.getAutomaticPaymentMethods().getEnabled()).isTrue();
    assertThat(again.getId()).isEqualTo(created.getId());
    assertThat(again.getClientSecret()).isEqualTo(created.getClientSecret());
    assertThat(standIn.intentsCreated()).isEqualTo(1);
    assertThatThrownBy(
            () -> stripe.v1().paymentIntents().create(intentFor(999, "o-1"), key("order-o-1")))
        .isInstanceOf(IdempotencyException.class);
    assertThat(standIn.intentsCreated()).isEqualTo(1);

    PaymentIntent paid = confirm(created.getId(), "pm_card_visa");

    assertThat(paid.getStatus()).isEqualTo("succeeded");
    assertThat(paid.getAmountReceived()).isEqualTo(1299);
    Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge());
    assertThat(charge.getAmount()).isEqualTo(1299);
    assertThat(charge.getPaymentIntent()).isEqualTo(created.getId());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> delivered("payment_intent.succeeded").size() == 1);
    PaymentIntent inEvent =
        (PaymentIntent)
            delivered("payment_intent.succeeded")
                .getFirst()
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
    assertThat(inEvent.getId()).isEqualTo(created.getId());
    assertThat(inEvent.getAmountReceived()).isEqualTo(1299);
    assertThat(inEvent.getMetadata()).containsEntry("order_id", "o-1");
  }

  @Test
  void aDeclinedCardLeavesTheIntentPayableAndSaysSo() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(500, "o-2"));

    assertThatThrownBy(() -> confirm(created.getId(), "pm_card_chargeDeclined"))
        .isInstanceOfSatisfying(
            CardException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo("card_declined");
              assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
            });

    PaymentIntent after = stripe.v1().paymentIntents().retrieve(created.getId());
    assertThat(after.getStatus()).isEqualTo("requires_payment_method");
    assertThat(after.getLastPaymentError().getCode()).isEqualTo("card_declined");
    await().until(() -> delivered("payment_intent.payment_failed").size() == 1);
    assertThat(confirm(created.getId(), "pm_card_visa").getStatus()).isEqualTo("succeeded");
  }

  @Test
  void aCardThatNeedsAuthenticationWaitsForTheShopper() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(700, "o-3"));

    PaymentIntent pending = confirm(created.getId(), "pm_card_authenticationRequired");
    assertThat(pending.getStatus()).isEqualTo("requires_action");
    assertThat(pending.getNextAction().getType()).isEqualTo("use_stripe_sdk");

    HttpResponse<String> authenticated =
        post("/_standin/payment_intents/" + created.getId() + "/authenticate", "outcome=succeed");
    assertThat(authenticated.statusCode()).isEqualTo(200);
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("succeeded");
    HttpResponse<String> control = get("/_standin/health", "none");
    assertThat(control.statusCode()).isEqualTo(200);
    assertThat(control.headers().firstValue("Access-Control-Allow-Origin"))
        .as("a web page may not read or drive the stand-in's controls")
        .isEmpty();
  }

  @Test
  void refundsAddUpToTheChargeAndNoFurther() throws Exception {
    PaymentIntent paid =
        confirm(
            stripe.v1().paymentIntents().create(intentFor(1000, "o-4")).getId(), "pm_card_visa");

    Refund part =
        stripe
            .v1()
            .refunds()
            .create(
                RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(300L).build(),
                key("refund-o-4-1"));
    Refund rest =
        stripe
            .v1()
            .refunds()
            .create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());

    assertThat(part.getAmount()).isEqualTo(300);
    assertThat(rest.getAmount()).isEqualTo(700);
    assertThat(stripe.v1().charges().retrieve(paid.getLatestCharge()).getRefunded()).isTrue();
    assertThatThrownBy(() ->
            stripe
                .v1()
                .refunds()
                .create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    await().until(() -> delivered("charge.refunded").size() == 2);
    assertThat(
            delivered("charge.refunded").stream()
                .map(e -> ((Charge) e.getDataObjectDeserializer().getObject().orElseThrow()))
                .map(Charge::getAmountRefunded))
        .containsExactlyInAnyOrder(300L, 1000L);
    assertThat(standIn.refundsMade()).isEqualTo(2);
  }

  @Test
  void aCanceledIntentCanNeitherBePaidNorCanceledAgain() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(800, "o-5"));

    assertThat(stripe.v1().paymentIntents().cancel(created.getId()).getStatus())
        .isEqualTo("canceled");
    assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(created.getId()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    assertThatThrownBy(() -> confirm(created.getId(), "pm_card_visa"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_unknown"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
  }

  @Test
  void aFaultForOneMethodAndExactPathLeavesOtherRequestsAlone() throws Exception {
    PaymentIntent made =
        client(0, 5_000).v1().paymentIntents().create(intentFor(100, "o-9"), key("order-o-9"));
    standIn.faults().failNext("POST /v1/payment_intents$", 1, 500);

    assertThat(client(0, 5_000).v1().paymentIntents().retrieve(made.getId()).getId())
        .isEqualTo(made.getId());
    assertThat(standIn.cancelByHand(made.getId())).isEqualTo(200);
    assertThatThrownBy(() ->
            client(0, 5_000).v1().paymentIntents().create(intentFor(100, "o-10"), key("o-10")))
        .isInstanceOf(ApiException.class);
    assertThat(standIn.intentsCreated()).isEqualTo(1);
  }

  @Test
  void failuresBeforeRunningAreRetriedAndAnAnswerLostToATimeoutIsReplayed() throws Exception {
    standIn.faults().failNext("/v1/payment_intents", 2, 500);
    PaymentIntent afterFailures =
        client(2, 5_000).v1().paymentIntents().create(intentFor(100, "o-6"), key("order-o-6"));
    assertThat(standIn.intentsCreated()).isEqualTo(1);

    standIn.faults().failNext("/v1/payment_intents", 3, 503); // as many as the client tries
    assertThatThrownBy(() ->
            client(2, 5_000).v1().paymentIntents().create(intentFor(100, "o-7"), key("order-o-7")))
        .isInstanceOf(ApiException.class);
    assertThat(standIn.intentsCreated()).isEqualTo(1);
    standIn.faults().clear();

    standIn.faults().delayNext("/v1/payment_intents", 1, Duration.ofSeconds(3));
    PaymentIntent afterTimeout =
        client(1, 1_000).v1().paymentIntents().create(intentFor(100, "o-8"), key("order-o-8"));
    assertThat(standIn.intentsCreated()).isEqualTo(2);
    assertThat(afterTimeout.getId()).isNotEqualTo(afterFailures.getId());
    assertThat(
            client(0, 5_000)
                .v1()
                .paymentIntents()
                .create(intentFor(100, "o-8"), key("order-o-8"))
                .getId())
        .isEqualTo(afterTimeout.getId());
  }

  @Test
  void anAnswerThatRanIsReplayedUnderItsKeyEvenWhenTheStateHasMovedOn() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(800, "o-14"));

    PaymentIntent first = stripe.v1().paymentIntents().cancel(created.getId(), key("cancel-o-14"));
    PaymentIntent replayed =
        stripe.v1().paymentIntents().cancel(created.getId(), key("cancel-o-14"));

    assertThat(first.getStatus()).isEqualTo("canceled");
    assertThat(replayed.getCanceledAt()).isEqualTo(first.getCanceledAt());
    assertThatThrownBy(
            () -> stripe.v1().paymentIntents().cancel(created.getId(), key("cancel-o-14-again")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aBrowserWithThePublishableKeyMayOnlySeeTheIntentWhoseSecretItHas() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(900, "o-15"));
    String publishable = standIn.settings().publishableKey();
    String path = "/v1/payment_intents/" + created.getId() + "?client_secret=";

    assertThat(get(path + created.getClientSecret(), publishable).statusCode()).isEqualTo(200);
    assertThat(get(path + created.getId() + "_secret_forged", publishable).statusCode())
        .isEqualTo(401);
    assertThat(get("/v1/payment_intents/" + created.getId(), publishable).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aBrowserOnAnotherOriginMayConfirmWithThePublishableKeyAndReadTheAnswer() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(intentFor(950, "o-16"));
    String path = "/v1/payment_intents/" + created.getId() + "/confirm";

    HttpResponse<String> confirmed =
        post(
            path,
            "key="
                + standIn.settings().publishableKey()
                + "&client_secret="
                + created.getClientSecret()
                + "&payment_method=pm_card_visa");
    HttpResponse<String> preflight;
    try (HttpClient http = HttpClient.newHttpClient()) {
      preflight =
          http.send(
              HttpRequest.newBuilder(URI.create(standIn.apiBase() + path))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "http://localhost:8080")
                  .header("Access-Control-Request-Method", "POST")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.body()).contains("\"status\":\"succeeded\"");
    assertThat(confirmed.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("POST");
    assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
        .isEqualTo("succeeded");
  }

  @Test
  void eventsAreRenderedInTheApiVersionOfTheStripeLibrary() {
    assertThat(StripeStandIn.Settings.API_VERSION).isEqualTo(com.stripe.Stripe.API_VERSION);
  }

  @Test
  void aWrongKeyIsRefusedAndChangesNothing() {
    StripeClient stranger =
        StripeClient.builder().setApiKey("sk_test_wrong").setApiBase(standIn.apiBase()).build();

    assertThatThrownBy(() -> stranger.v1().paymentIntents().create(intentFor(100, "o-9")))
        .isInstanceOf(AuthenticationException.class);
    assertThat(standIn.intentsCreated()).isZero();
  }

  @Test
  void aSignatureCoversTheBodyAndTheTime() throws Exception {
    confirm(stripe.v1().paymentIntents().create(intentFor(100, "o-10")).getId(), "pm_card_visa");
    await().until(() -> delivered("payment_intent.succeeded").size() == 1);
    Delivery delivery =
        deliveries.stream()
            .filter(d -> d.payload().contains("\"payment_intent.succeeded\""))
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() ->
            Webhook.constructEvent(
                delivery.payload().replace("\"amount\":100", "\"amount\":1"),
                delivery.signature(),
                WEBHOOK_SECRET))
        .isInstanceOf(SignatureVerificationException.class);
    assertThatThrownBy(
            () -> Webhook.constructEvent(delivery.payload(), delivery.signature(), "whsec_other"))
        .isInstanceOf(SignatureVerificationException.class);
    long timestamp = Long.parseLong(delivery.signature().replaceAll("^t=(\\d+),.*$", "$1"));
    assertThat(timestamp)
        .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
  }

  @Test
  void anEventCanBeDeliveredManyTimesAtOnceAndLostOnPurpose() throws Exception {
    standIn.webhooks().drop(true);
    PaymentIntent paid =
        confirm(
            stripe.v1().paymentIntents().create(intentFor(100, "o-11")).getId(), "pm_card_visa");
    String eventId =
        standIn.webhooks().events().stream()
            .filter(event -> event.type().equals("payment_intent.succeeded"))
            .findFirst()
            .orElseThrow()
            .id();

    standIn.webhooks().deliver(eventId, 20);

    await().until(() -> delivered("payment_intent.succeeded").size() == 20);
    assertThat(deliveries).hasSize(20); // nothing else was sent while dropping
    assertThat(delivered("payment_intent.succeeded"))
        .extracting(Event::getId)
        .containsOnly(eventId);
    assertThat(stripe.v1().events().retrieve(eventId).getType())
        .isEqualTo("payment_intent.succeeded");
    assertThat(paid.getStatus()).isEqualTo("succeeded");
  }

  @Test
  void aReceiverThatFailsGetsTheEventAgain() throws Exception {
    receiver.removeContext("/webhook");
    List<Integer> answers = new CopyOnWriteArrayList<>(List.of(500, 503));
    receiver.createContext(
        "/webhook",
        exchange -> {
          try (exchange) {
            String payload =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answers.isEmpty() ? 200 : answers.removeFirst();
            if (status == 200) {
              deliveries.add(
                  new Delivery(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            }
            exchange.sendResponseHeaders(status, -1);
          }
        });

    stripe.v1().paymentIntents().create(intentFor(100, "o-12"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> delivered("payment_intent.created").size() == 1);
    assertThat(answers).isEmpty();
  }

  @Test
  void faultsCanBeSetOverHttp() throws Exception {
    assertThat(post("/_standin/faults", "path=/v1/payment_intents&times=1&status=500").statusCode())
        .isEqualTo(200);

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(intentFor(100, "o-13")))
        .isInstanceOf(ApiException.class);
    assertThat(stripe.v1().paymentIntents().create(intentFor(100, "o-13")).getStatus())
        .isEqualTo("requires_payment_method");
  }

  private HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(standIn.apiBase() + pathAndQuery))
              .header("Authorization", "Bearer " + bearer)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(standIn.apiBase() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
