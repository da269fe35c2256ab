package dev.gridcommerce.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.sun.net.httpserver.HttpServer;
import dev.gridcommerce.api.grid.EmbeddedMemberCustomizer;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.KafkaBrokerProcess;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A member of a 3-member grid terminated while order events flow: a webhook subscriber and the
 * Kafka topic both get every event of every order at least once, in order per order.
 */
@EmbeddedGridTest
@Import(IntegrationsMemberLossTest.Cluster.class)
@TestPropertySource(properties = "commerce.notifications.webhooks.allow-loopback=true")
class IntegrationsMemberLossTest {

  private static final String STORE = "berlin-mitte";
  private static final KafkaBrokerProcess BROKER = new KafkaBrokerProcess().start();
  private static volatile Config memberConfig;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    registry.add("commerce.kafka.bootstrap", BROKER::bootstrap);
  }

  /** The embedded member joins others on loopback; its configuration is kept for them. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Cluster {
    @Bean
    @Order(Integer.MAX_VALUE)
    EmbeddedMemberCustomizer joinOthers() {
      return config -> {
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(List.of("127.0.0.1"));
        memberConfig = config;
      };
    }
  }

  @AfterAll
  static void stopBroker() {
    BROKER.close();
  }

  @LocalServerPort int port;
  @Autowired GridMaps maps;
  @Autowired TestDatabase db;

  /** Another member, joining the API node's embedded one at its address. */
  private HazelcastInstance member(Database database) {
    var first = maps.hazelcast().getCluster().getLocalMember().getAddress();
    Config config = GridConfigs.member();
    config.setClusterName(memberConfig.getClusterName());
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config
        .getNetworkConfig()
        .getJoin()
        .getTcpIpConfig()
        .setEnabled(true)
        .setMembers(List.of(first.getHost() + ":" + first.getPort()));
    config.getUserContext().put(Database.USER_CONTEXT_KEY, database);
    return Hazelcast.newHazelcastInstance(config);
  }

  private static Response retried(java.util.function.Supplier<Response> call) {
    Response answer = call.get();
    for (int i = 0; i < 20 && (answer.status() >= 500 || answer.status() == 409); i++) {
      try {
        Thread.sleep(250); // a member's loss is detected and its partitions taken over
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer = call.get();
    }
    return answer;
  }

  @Test
  void everySubscriberGetsEveryEventInOrderPerOrderWhenAMemberDies() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    HazelcastInstance second = member(db.database());
    HazelcastInstance third = member(db.database());
    try {
      assertThat(second.getCluster().getMembers()).hasSize(3);
      ApiClient anonymous = new ApiClient(port);
      ApiClient admin = anonymous.login("admin@commerce.local", "admin-demo-password");
      Response hook =
          admin.post(
              "/api/v1/admin/webhooks",
              Map.of(
                  "url",
                  "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                  "eventTypes",
                  List.of("PLACED", "CANCELLED")));
      assertThat(hook.status()).as(hook.text()).isEqualTo(201);

      List<ApiClient> shoppers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        shoppers.add(anonymous.newShopper("loss-" + i + "-" + System.nanoTime() + "@x.com"));
      }
      List<String> orders = new ArrayList<>();
      for (int i = 0; i < shoppers.size(); i++) {
        if (i == 10) {
          third.getLifecycleService().terminate(); // mid-run, no goodbye
        }
        ApiClient shopper = shoppers.get(i);
        retried(() -> shopper.put("/api/v1/cart/store", Map.of("storeId", STORE)));
        retried(() -> shopper.put("/api/v1/cart/items/PAN-00012", Map.of("quantity", 1)));
        Response placed =
            retried(() -> shopper.post("/api/v1/checkout", null, Map.of("Idempotency-Key", "k")));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String id = placed.body().get("id").asString();
        assertThat(retried(() -> shopper.post("/api/v1/orders/" + id + "/cancel", null)).status())
            .isEqualTo(200);
        orders.add(id);
      }

      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> {
            List<String> kafka = topic();
            for (String id : orders) {
              List<OrderEvent> events = maps.orders().get(id).events();
              List<String> wanted = events.stream().map(OrderEvent::id).toList();
              assertThat(firstSeen(received, id)).as("webhook " + id).isEqualTo(wanted);
              assertThat(firstSeen(kafka, id)).as("kafka " + id).isEqualTo(wanted);
            }
          });
    } finally {
      receiver.stop(0);
      second.getLifecycleService().terminate();
    }
  }

  private static final Pattern EVENT =
      Pattern.compile("\"id\":\"([^\"]+)\",\"orderId\":\"([^\"]+)\"");

  /** The event ids of the order in the order they were first seen (copies after that ignored). */
  private static List<String> firstSeen(List<String> bodies, String orderId) {
    List<String> ids = new ArrayList<>();
    for (String body : bodies) {
      Matcher m = EVENT.matcher(body);
      if (m.find() && m.group(2).equals(orderId) && !ids.contains(m.group(1))) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  private static List<String> topic() {
    return BROKER.read("commerce.order-events").stream().map(ConsumerRecord::value).toList();
  }
}
