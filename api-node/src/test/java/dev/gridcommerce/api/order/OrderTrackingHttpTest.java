package dev.gridcommerce.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.EventStreamClient;
import dev.gridcommerce.api.testing.EventStreamClient.Event;
import dev.gridcommerce.api.testing.SecondApiNode;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Live order tracking over HTTP, across two API nodes: the shopper places the order on the one-JVM
 * node, follows it as an {@code EventSource} would on a second API node in client mode, sees each
 * change live (the heartbeat is set far longer than the waits, so only the grid's change notices
 * can bring them), reconnects with {@code Last-Event-ID} and misses nothing. Someone else's order
 * is 404.
 */
@EmbeddedGridTest
@TestPropertySource(properties = "commerce.tracking.heartbeat=60s")
class OrderTrackingHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final Duration LIVE = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired HazelcastInstance grid;
  @Autowired Orders orders;

  private SecondApiNode secondNode;
  private int secondPort;

  @BeforeEach
  void startASecondApiNodeInClientMode() {
    secondNode = SecondApiNode.start(grid, "--commerce.tracking.heartbeat=60s");
    secondPort = secondNode.port();
  }

  @AfterEach
  void stopTheSecondNode() {
    secondNode.close();
  }

  private String eventsUrl(int node, String orderId, String token) {
    return "http://localhost:"
        + node
        + "/api/v1/orders/"
        + orderId
        + "/events?access_token="
        + token;
  }

  private static List<String> types(List<Event> events) {
    return events.stream().map(event -> event.data().get("type").asString()).toList();
  }

  private String place(ApiClient shopper) {
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/FRU-00003", Map.of("quantity", 1));
    return shopper.post("/api/v1/checkout", null).body().get("id").asString();
  }

  @Test
  void theShopperFollowsTheOrderLiveOnAnotherApiNodeAndMissesNothingAfterReconnecting()
      throws Exception {
    ApiClient anonymous = new ApiClient(port);
    ApiClient shopper = anonymous.newShopper("tracker-" + System.nanoTime() + "@example.com");
    ApiClient staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
    String orderId = place(shopper);
    String statusPath = "/api/v1/stores/" + STORE + "/orders/" + orderId + "/status";

    try (EventStreamClient stream =
        EventStreamClient.open(eventsUrl(secondPort, orderId, shopper.token()), null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      Event placed = stream.take(1, LIVE).getFirst();
      assertThat(placed.id()).isEqualTo("1");
      assertThat(placed.data().get("type").asString()).isEqualTo("PLACED");
      assertThat(placed.data().get("orderId").asString()).isEqualTo(orderId);

      orders.paid(orderId, new PaymentReference("test", "pay-" + orderId));
      staff.post(statusPath, Map.of("status", "PICKING"));

      List<Event> live = stream.take(2, LIVE);
      assertThat(types(live)).containsExactly("PAID", "PICKING_STARTED");
      assertThat(live).extracting(Event::id).containsExactly("2", "3");
    }

    staff.post(statusPath, Map.of("status", "PACKED"));
    staff.post(statusPath, Map.of("status", "OUT_FOR_DELIVERY"));
    try (EventStreamClient reconnected =
        EventStreamClient.open(eventsUrl(secondPort, orderId, shopper.token()), "3")) {
      List<Event> missed = reconnected.take(2, LIVE);
      assertThat(types(missed)).containsExactly("PACKED", "OUT_FOR_DELIVERY");
      assertThat(missed.getLast().id()).isEqualTo("5");
      assertThat(missed.getLast().data().get("stockEffect").asString()).isEqualTo("DISPATCH");

      staff.post(statusPath, Map.of("status", "DELIVERED"));

      Event delivered = reconnected.take(1, LIVE).getFirst();
      assertThat(delivered.id()).isEqualTo("6");
      assertThat(delivered.data().get("type").asString()).isEqualTo("DELIVERED");
      assertThat(reconnected.next(Duration.ofSeconds(1))).as("nothing twice").isNull();
    }

    assertThat(shopper.get("/api/v1/orders/" + orderId).body().get("timeline"))
        .extracting(event -> event.get("type").asString())
        .containsExactly(
            "PLACED", "PAID", "PICKING_STARTED", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED");
  }

  @Test
  void onlyTheOrdersShopperAndStaffOfItsStoreMayFollowIt() throws Exception {
    ApiClient anonymous = new ApiClient(port);
    ApiClient shopper = anonymous.newShopper("owner-" + System.nanoTime() + "@example.com");
    ApiClient stranger = anonymous.newShopper("stranger-" + System.nanoTime() + "@example.com");
    ApiClient staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
    ApiClient otherStaff =
        anonymous.login("staff.berlin-kreuzberg@commerce.local", "staff-demo-password");
    String orderId = place(shopper);

    assertThat(status(orderId, stranger.token(), null)).isEqualTo(404);
    assertThat(status(orderId, otherStaff.token(), null)).isEqualTo(404);
    assertThat(status("no-such-order", shopper.token(), null)).isEqualTo(404);
    assertThat(status(orderId, "not-a-token", null)).isEqualTo(401);
    assertThat(status(orderId, shopper.token(), "three")).isEqualTo(400);
    assertThat(stranger.get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
    try (EventStreamClient allowed =
        EventStreamClient.open(eventsUrl(port, orderId, staff.token()), null)) {
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.take(1, LIVE).getFirst().data().get("type").asString())
          .isEqualTo("PLACED");
    }
  }

  private int status(String orderId, String token, String lastEventId) throws Exception {
    try (EventStreamClient stream =
        EventStreamClient.open(eventsUrl(port, orderId, token), lastEventId)) {
      return stream.status();
    }
  }
}
