package dev.gridcommerce.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhook deliveries to receivers on loopback: signed as the README says, retried after failures
 * with every attempt logged, in order per order despite random failures, one hanging endpoint never
 * delaying another subscription, and a receiver that is down showing on the metrics as its
 * subscriber's backlog and a delivery being retried.
 */
@EmbeddedGridTest
@TestPropertySource(
    properties = {
      "commerce.notifications.webhooks.allow-loopback=true",
      "commerce.notifications.webhooks.first-retry=100ms",
      "commerce.notifications.webhooks.max-retry-delay=1s",
      "commerce.notifications.webhooks.read-timeout=1s"
    })
class WebhookDeliveryHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String SKU = "PAN-00012";

  /** How many orders go through the receiver that fails at random. */
  private static final int ORDERS = 200;

  @LocalServerPort int port;

  private ApiClient anonymous;
  private ApiClient admin;
  private HttpServer receiver;
  private final List<String> subscriptions = new ArrayList<>();

  /** What the receiver got: path, headers we check, body, and what it answered. */
  record Received(
      String path, String eventId, String type, String signature, String body, int answer) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<Integer>> scripts =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Random random = new Random(42);
  private volatile boolean down = true;

  @BeforeEach
  void start() throws IOException {
    anonymous = new ApiClient(port);
    admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext("/", this::receive);
    receiver.start();
  }

  @AfterEach
  void stop() {
    subscriptions.forEach(id -> admin.delete("/api/v1/admin/webhooks/" + id));
    receiver.stop(0);
  }

  private void receive(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int answer = 200;
    if (path.startsWith("/slow")) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (path.startsWith("/down")) {
      answer = down ? 503 : 200;
    } else if (path.startsWith("/random")) {
      synchronized (random) {
        answer = random.nextInt(10) < 3 ? 500 : 200;
      }
    } else {
      Integer scripted = scripts.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
      answer = scripted == null ? 200 : scripted;
    }
    received.add(
        new Received(
            path,
            exchange.getRequestHeaders().getFirst("Commerce-Event-Id"),
            exchange.getRequestHeaders().getFirst("Commerce-Event-Type"),
            exchange.getRequestHeaders().getFirst("Commerce-Signature"),
            body,
            answer));
    if (answer == 429) {
      exchange.getResponseHeaders().set("Retry-After", "0"); // "now": no reason to hammer it
    }
    exchange.sendResponseHeaders(answer, -1);
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  /** Subscribes the path to the events; answers {id, secret}. */
  private Response subscribe(String path, List<String> types) {
    Response made =
        admin.post("/api/v1/admin/webhooks", Map.of("url", url(path), "eventTypes", types));
    assertThat(made.status()).as(made.text()).isEqualTo(201);
    subscriptions.add(made.body().get("id").asString());
    return made;
  }

  /** A new shopper's order of one unit; its id. */
  private String placeOrder(ApiClient shopper) {
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/" + SKU, Map.of("quantity", 1));
    Response placed = shopper.post("/api/v1/checkout", null);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    return placed.body().get("id").asString();
  }

  private List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The documented recipe: HMAC-SHA256 of "t.body" under the secret, hex, compared to v1. */
  private static boolean verifies(String header, String body, String secret) throws Exception {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) {
        t = part.substring(2);
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    return expected.equals(v1)
        && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 300;
  }

  @Test
  void aDeliveryIsSignedAsDocumentedAndCarriesTheEvent() throws Exception {
    Response made = subscribe("/signed", List.of("PLACED"));
    String secret = made.body().get("secret").asString();

    String orderId =
        placeOrder(anonymous.newShopper("hook-1-" + System.nanoTime() + "@example.com"));

    await().atMost(Duration.ofSeconds(20)).until(() -> !at("/signed").isEmpty());
    Received delivery = at("/signed").get(0);
    assertThat(delivery.type()).isEqualTo("PLACED");
    assertThat(delivery.body())
        .contains("\"orderId\":\"" + orderId + "\"")
        .contains(delivery.eventId());
    assertThat(verifies(delivery.signature(), delivery.body(), secret)).isTrue();
    assertThat(verifies(delivery.signature(), delivery.body() + " ", secret)).isFalse();
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheEventFourTimesAndTheLogShowsEachAttempt() {
    scripts.put("/flaky", new ConcurrentLinkedQueue<>(List.of(500, 500, 500)));
    scripts.put("/picky", new ConcurrentLinkedQueue<>(List.of(400)));
    String flaky = subscribe("/flaky", List.of("PLACED")).body().get("id").asString();
    String picky = subscribe("/picky", List.of("PLACED")).body().get("id").asString();
    ApiClient shopper = anonymous.newShopper("hook-2-" + System.nanoTime() + "@example.com");

    placeOrder(shopper);
    placeOrder(shopper);

    await().atMost(Duration.ofSeconds(30)).until(() -> at("/flaky").size() == 5);
    assertThat(at("/flaky")).extracting(Received::answer).containsExactly(500, 500, 500, 200, 200);
    assertThat(at("/flaky").subList(0, 4))
        .extracting(Received::eventId)
        .containsOnly(at("/flaky").get(0).eventId());
    Response log = admin.get("/api/v1/admin/webhooks/" + flaky + "/deliveries");
    assertThat(log.body().size()).isEqualTo(2);
    var first = log.body().get(1);
    assertThat(first.get("status").asString()).isEqualTo("DELIVERED");
    assertThat(first.get("attempts").size()).isEqualTo(4);
    assertThat(first.get("attempts").get(0).get("status").asInt()).isEqualTo(500);
    assertThat(first.get("attempts").get(3).get("status").asInt()).isEqualTo(200);

    // a 400 is final: tried once, and the next event goes on
    await().atMost(Duration.ofSeconds(20)).until(() -> at("/picky").size() == 2);
    Response pickyLog = admin.get("/api/v1/admin/webhooks/" + picky + "/deliveries");
    assertThat(pickyLog.text()).contains("REFUSED").contains("DELIVERED");

    // a receiver asking to be called again at once still gets our pause between tries
    scripts.put("/busy", new ConcurrentLinkedQueue<>(List.of(429, 429)));
    String busy = subscribe("/busy", List.of("PLACED")).body().get("id").asString();
    placeOrder(shopper);
    await().atMost(Duration.ofSeconds(20)).until(() -> at("/busy").size() == 3);
    var attempts =
        admin.get("/api/v1/admin/webhooks/" + busy + "/deliveries").body().get(0).get("attempts");
    assertThat(attempts.size()).isEqualTo(3);
    for (int i = 1; i < 3; i++) {
      java.time.Instant before = java.time.Instant.parse(attempts.get(i - 1).get("at").asString());
      java.time.Instant after = java.time.Instant.parse(attempts.get(i).get("at").asString());
      assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    // asked for, an event is sent again and the attempt logged
    String eventId = at("/picky").get(0).eventId();
    Response again =
        admin.post(
            "/api/v1/admin/webhooks/" + picky + "/deliveries/" + eventId + "/redeliver", null);
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.body().get("status").asString()).isEqualTo("DELIVERED");
    assertThat(again.body().get("attempts").size()).isEqualTo(2);
    assertThat(at("/picky")).filteredOn(r -> r.eventId().equals(eventId)).hasSize(2);

    // everything since a time, sent again in the order first tried
    await().atMost(Duration.ofSeconds(20)).until(() -> at("/flaky").size() == 6); // /busy's too
    List<String> firstTried = at("/flaky").stream().map(Received::eventId).distinct().toList();
    int before = at("/flaky").size();
    String since = first.get("attempts").get(0).get("at").asString();
    Response all =
        admin.post("/api/v1/admin/webhooks/" + flaky + "/redeliver?since=" + since, null);
    assertThat(all.status()).as(all.text()).isEqualTo(200);
    assertThat(all.body().get("sent").asInt()).isEqualTo(firstTried.size());
    assertThat(all.body().get("delivered").asInt()).isEqualTo(firstTried.size());
    assertThat(at("/flaky").subList(before, at("/flaky").size()))
        .extracting(Received::eventId)
        .containsExactlyElementsOf(firstTried);
    assertThat(
            admin
                .post("/api/v1/admin/webhooks/" + flaky + "/redeliver?since=yesterday", null)
                .status())
        .isEqualTo(400);
  }

  @Test
  void aReceiverThatIsDownShowsAsBacklogOnTheMetricsUntilItAnswersAndARemovedOneLeavesThem() {
    String id = subscribe("/down", List.of("PLACED")).body().get("id").asString();
    String backlog = "commerce_events_backlog{subscriber=\"webhook-" + id + "\"}";
    String reading = "commerce_events_subscriber_reading{subscriber=\"webhook-" + id + "\"}";
    String retrying =
        "commerce_webhooks_undelivered{status=\"retrying\",subscription=\"" + id + "\"}";
    ApiClient shopper = anonymous.newShopper("hook-4-" + System.nanoTime() + "@example.com");
    for (int i = 0; i < 3; i++) {
      placeOrder(shopper);
    }

    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(() -> {
          assertThat(anonymous.metric(backlog).orElse(0)).isGreaterThanOrEqualTo(3);
          assertThat(anonymous.metric(reading)).hasValue(1.0);
          assertThat(anonymous.metric(retrying)).hasValue(1.0);
        });
    assertThat(at("/down")).extracting(Received::answer).containsOnly(503);

    down = false;
    await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(() -> {
          assertThat(anonymous.metric(backlog)).hasValue(0.0);
          assertThat(anonymous.metric(retrying)).hasValue(0.0);
        });
    assertThat(at("/down")).filteredOn(r -> r.answer() == 200).hasSize(3);

    assertThat(admin.delete("/api/v1/admin/webhooks/" + id).status()).isEqualTo(204);
    subscriptions.remove(id);
    await()
        .atMost(Duration.ofSeconds(40))
        .alias("a removed subscription's backlog is gone, not growing forever")
        .untilAsserted(() -> {
          assertThat(anonymous.metric(backlog)).isEmpty();
          assertThat(anonymous.metric(retrying)).isEmpty();
        });
  }

  @Test
  void eachOrdersEventsArriveInOrderDespiteRandomFailuresAndAHangingEndpointDelaysNoOther() {
    subscribe("/slow", List.of("PLACED", "CANCELLED"));
    subscribe("/random", List.of("PLACED", "CANCELLED"));
    List<ApiClient> shoppers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      shoppers.add(anonymous.newShopper("hook-3-" + i + "-" + System.nanoTime() + "@example.com"));
    }
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      ApiClient shopper = shoppers.get(i % shoppers.size());
      String orderId = placeOrder(shopper);
      shopper.post("/api/v1/orders/" + orderId + "/cancel", null);
      orders.add(orderId);
    }

    await()
        .atMost(Duration.ofSeconds(180))
        .until(() -> at("/random").stream().filter(r -> r.answer() == 200).count() == 2 * ORDERS);
    List<Received> delivered = at("/random").stream().filter(r -> r.answer() == 200).toList();
    assertThat(at("/random")).anyMatch(r -> r.answer() == 500);
    for (String orderId : orders) {
      List<String> types =
          delivered.stream().filter(r -> r.body().contains(orderId)).map(Received::type).toList();
      assertThat(types).as(orderId).containsExactly("PLACED", "CANCELLED");
    }
    // the hanging endpoint got no further than its first event's retries meanwhile
    assertThat(at("/slow").stream().map(Received::eventId).distinct().count()).isEqualTo(1);
  }
}
