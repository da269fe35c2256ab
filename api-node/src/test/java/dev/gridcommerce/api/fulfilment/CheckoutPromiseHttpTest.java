package dev.gridcommerce.api.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Checkout fixes the delivery promise on the order, and refuses (409, with what the store could do)
 * an order the store can't deliver within its maximum; here the maximum is 15 minutes, so a queue
 * of a few big orders fills the store.
 */
@EmbeddedGridTest
@TestPropertySource(properties = "commerce.fulfilment.maximum=15m")
class CheckoutPromiseHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final Map<String, Object> ALEXANDERPLATZ =
      Map.of("deliverTo", Map.of("lat", 52.5219, "lon", 13.4132));

  @LocalServerPort int port;
  @Autowired Orders orders;

  private static ApiClient.Response checkout(ApiClient shopper, String sku, int quantity) {
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", quantity));
    return shopper.post("/api/v1/checkout", ALEXANDERPLATZ);
  }

  @Test
  void theOrderCarriesItsPromiseAndAStoreThatCantKeepOneRefusesInWords() {
    ApiClient anonymous = new ApiClient(port);
    Purchases purchases = Purchases.atStore(anonymous, orders, STORE);
    purchases.stock("PAN-00001", 400);

    Instant before = Instant.now();
    ApiClient first = anonymous.newShopper("promised-" + System.nanoTime() + "@example.com");
    ApiClient.Response placed = checkout(first, "PAN-00001", 2);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    Instant promised = Instant.parse(placed.body().get("promisedAt").asString());
    // an idle store 0.6 km away: picking, handover and ride, well within 15 minutes
    assertThat(promised)
        .isBetween(before.plus(Duration.ofMinutes(3)), before.plus(Duration.ofMinutes(15)));
    JsonNode read = first.get("/api/v1/orders/" + placed.body().get("id").asString()).body();
    assertThat(Instant.parse(read.get("promisedAt").asString())).isEqualTo(promised);

    // paid orders of 40 units queue up: each adds (75 + 10 + 120) s / 2 pickers, about 1.7 min
    for (int i = 0; i < 7; i++) {
      purchases.buy(
          anonymous.newShopper("queue-" + i + "-" + System.nanoTime() + "@example.com"),
          "PAN-00001",
          40);
    }
    ApiClient late = anonymous.newShopper("late-" + System.nanoTime() + "@example.com");
    ApiClient.Response refused = checkout(late, "PAN-00001", 2);

    assertThat(refused.status()).as(refused.text()).isEqualTo(409);
    assertThat(refused.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:promise-exceeded");
    assertThat(refused.body().get("detail").asString()).containsPattern("it would take \\d+ min");
    assertThat(late.get("/api/v1/orders").body().get("total").asLong())
        .as("nothing placed")
        .isZero();
    assertThat(late.get("/api/v1/cart").body().get("lines").size())
        .as("the cart kept")
        .isEqualTo(1);
  }
}
