package dev.gridcommerce.api.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The stores' on-time rate and promise error on {@code /actuator/prometheus}: here every promise is
 * "now" (no picking time, no handover, delivered at the store's door), so a delivered order is late
 * by the time it took; an order delivered without a promise isn't counted.
 */
@EmbeddedGridTest
@TestPropertySource(
    properties = {
      "commerce.fulfilment.per-order=0s",
      "commerce.fulfilment.per-line=0s",
      "commerce.fulfilment.per-unit=0s",
      "commerce.fulfilment.handover=0s"
    })
class DeliveryMetricsHttpTest {

  private static final String STORE = "berlin-mitte";

  @LocalServerPort int port;
  @Autowired Orders orders;

  @Test
  void aDeliveryLaterThanItsPromiseCountsAsLateWithItsErrorAndOneWithoutAPromiseIsNotCounted()
      throws Exception {
    ApiClient anonymous = new ApiClient(port);
    Purchases purchases = Purchases.atStore(anonymous, orders, STORE);
    purchases.stock("PAN-00002", 10);
    ApiClient shopper = anonymous.newShopper("metrics-" + System.nanoTime() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/PAN-00002", Map.of("quantity", 1));
    ApiClient.Response placed =
        shopper.post("/api/v1/checkout", Map.of("deliverTo", Map.of("lat", 52.52, "lon", 13.405)));
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    String promised = placed.body().get("id").asString();
    orders.paid(promised, new PaymentReference("test", "pay-" + promised));
    Thread.sleep(50); // delivered after its promise ("now" at checkout)
    purchases.deliver(promised);
    String unpromised =
        purchases.buy(
            anonymous.newShopper("plain-" + System.nanoTime() + "@example.com"), "PAN-00002", 1);
    purchases.deliver(unpromised);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> {
          assertThat(
                  anonymous.metric(
                      "commerce_deliveries_total{on_time=\"false\",store=\"berlin-mitte\"}"))
              .hasValue(1.0);
          assertThat(
                  anonymous
                      .metric("commerce_promise_error_seconds_sum{store=\"berlin-mitte\"}")
                      .orElse(0))
              .isPositive();
          assertThat(
                  anonymous.metric("commerce_promise_error_seconds_count{store=\"berlin-mitte\"}"))
              .hasValue(1.0);
        });
  }
}
