package dev.gridcommerce.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.KafkaBrokerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Order events on a real Kafka broker (KRaft, a child JVM): every event of every order, keyed by
 * order id, in order per order; with the broker stopped for a while, nothing is lost.
 */
@EmbeddedGridTest
class KafkaPublishingHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String SKU = "PAN-00012";
  private static final String TOPIC = "commerce.order-events";
  private static final KafkaBrokerProcess BROKER = new KafkaBrokerProcess().start();

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("commerce.kafka.bootstrap", BROKER::bootstrap);
  }

  @AfterAll
  static void stopBroker() {
    BROKER.close();
  }

  @LocalServerPort int port;

  private ApiClient anonymous;

  @BeforeEach
  void client() {
    anonymous = new ApiClient(port);
  }

  record Published(String key, String eventId, String type, String value) {}

  /** Every record on the topic so far. */
  private static List<Published> topic() {
    return BROKER.read(TOPIC).stream()
        .map(record ->
            new Published(
                record.key(),
                header(record, "Commerce-Event-Id"),
                header(record, "Commerce-Event-Type"),
                record.value()))
        .toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Orders placed and cancelled by new shoppers; their ids. */
  private List<String> placeAndCancel(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ApiClient shopper =
          anonymous.newShopper("kafka-" + i + "-" + System.nanoTime() + "@example.com");
      shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
      shopper.put("/api/v1/cart/items/" + SKU, Map.of("quantity", 1));
      Response placed = shopper.post("/api/v1/checkout", null);
      assertThat(placed.status()).as(placed.text()).isEqualTo(201);
      String id = placed.body().get("id").asString();
      assertThat(shopper.post("/api/v1/orders/" + id + "/cancel", null).status()).isEqualTo(200);
      ids.add(id);
    }
    return ids;
  }

  private static void assertEveryEventInOrder(List<String> orderIds) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> {
          List<Published> published = topic();
          for (String orderId : orderIds) {
            List<Published> ofOrder =
                published.stream().filter(p -> orderId.equals(p.key())).toList();
            assertThat(ofOrder.stream().map(Published::type).distinct().toList())
                .as(orderId)
                .containsExactly("PLACED", "CANCELLED");
            assertThat(ofOrder)
                .allMatch(p -> p.value().contains("\"orderId\":\"" + orderId + "\""));
            assertThat(ofOrder).allMatch(p -> p.eventId() != null);
          }
        });
  }

  @Test
  void everyOrderEventIsPublishedKeyedByItsOrderInOrder() {
    assertEveryEventInOrder(placeAndCancel(10));
  }

  @Test
  void eventsMadeWhileTheBrokerIsDownArriveOnceItIsBack() {
    BROKER.stop();
    List<String> whileDown;
    try {
      whileDown = placeAndCancel(3); // checkout and cancellation don't wait for Kafka
    } finally {
      BROKER.start();
    }
    assertEveryEventInOrder(whileDown);
  }
}
