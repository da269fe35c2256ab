package dev.gridcommerce.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.GridMaps;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules in {@code config/} ask only for metrics the
 * nodes serve: every metric name their expressions name is on {@code /actuator/prometheus} of a
 * one-JVM node (which serves the grid member's metrics too) once it has served requests, delivered
 * an order with a promise and has a webhook subscription. A renamed metric fails this test, not a
 * dashboard at 3 am.
 */
@EmbeddedGridTest
class MonitoringContractTest {

  private static final Pattern METRIC =
      Pattern.compile("\\b(commerce_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b");
  private static final Path CONFIG = Path.of("..", "config");

  @LocalServerPort int port;
  @Autowired Orders orders;
  @Autowired GridMaps maps;

  private static Set<String> metricsNamedIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String dashboardExpressions() throws IOException {
    JsonNode dashboard =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(CONFIG.resolve("grafana/commerce.json")));
    StringBuilder exprs = new StringBuilder();
    dashboard
        .get("panels")
        .forEach(panel ->
            panel
                .get("targets")
                .forEach(target -> exprs.append(target.get("expr").asString()).append('\n')));
    return exprs.toString();
  }

  @Test
  void everyMetricTheDashboardAndTheAlertsAskForIsServed() throws IOException {
    ApiClient anonymous = new ApiClient(port);
    ApiClient staff = anonymous.login("staff.berlin-mitte@commerce.local", "staff-demo-password");
    Purchases purchases = new Purchases(staff, orders, "berlin-mitte");
    purchases.stock("PAN-00002", 5);
    ApiClient shopper = anonymous.newShopper("watched-" + System.nanoTime() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", "berlin-mitte"));
    shopper.put("/api/v1/cart/items/PAN-00002", Map.of("quantity", 1));
    String orderId =
        shopper
            .post("/api/v1/checkout", Map.of("deliverTo", Map.of("lat", 52.5219, "lon", 13.4132)))
            .body()
            .get("id")
            .asString();
    orders.paid(orderId, new PaymentReference("test", "pay-" + orderId));
    purchases.deliver(orderId);
    // a webhook subscription (to events this test never makes), whose deliveries are measured
    WebhookSubscription watched =
        new WebhookSubscription(
            "wh_monitoring",
            URI.create("https://hooks.example.com/commerce"),
            Set.of(OrderEventType.REFUNDED),
            "whsec_" + "x".repeat(40),
            Instant.now());
    maps.webhookSubscriptions().set(watched.id(), watched);

    Set<String> wanted = metricsNamedIn(dashboardExpressions());
    wanted.addAll(metricsNamedIn(Files.readString(CONFIG.resolve("prometheus/alerts.yml"))));
    assertThat(wanted).contains("commerce_grid_members", "http_server_requests_seconds_bucket");

    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> {
            Set<String> served = metricsNamedIn(anonymous.get("/actuator/prometheus").text());
            assertThat(served).containsAll(wanted);
          });
    } finally {
      maps.webhookSubscriptions().delete(watched.id());
    }
  }
}
