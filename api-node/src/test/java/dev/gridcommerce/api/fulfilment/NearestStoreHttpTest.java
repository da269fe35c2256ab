package dev.gridcommerce.api.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /stores/nearest}: the nearest store that delivers to a point, with the promise it can
 * make now, which grows as paid orders queue up for picking.
 */
@EmbeddedGridTest
class NearestStoreHttpTest {

  private static final String ORANIENSTRASSE = "/api/v1/stores/nearest?lat=52.501&lon=13.419";

  @LocalServerPort int port;
  @Autowired Orders orders;

  @Test
  void theNearestDeliveringStorePromisesATimeThatGrowsWithItsQueue() {
    ApiClient anonymous = new ApiClient(port);
    JsonNode before = anonymous.get(ORANIENSTRASSE).body();

    assertThat(before.get("store").get("id").asString()).isEqualTo("berlin-kreuzberg");
    assertThat(before.get("store").get("delivers").asBoolean()).isTrue();
    long idle = before.get("promise").get("minutes").asLong();
    // picking a typical basket, the handover and a 1.1 km ride: more than 5 minutes, within 30
    assertThat(idle).isBetween(5L, 30L);
    assertThat(Instant.parse(before.get("promise").get("at").asString())).isAfter(Instant.now());

    Purchases purchases = Purchases.atStore(anonymous, orders, "berlin-kreuzberg");
    purchases.stock("FRU-00003", 60);
    for (int i = 0; i < 6; i++) {
      purchases.buy(
          anonymous.newShopper("queue-" + i + "-" + System.nanoTime() + "@example.com"),
          "FRU-00003",
          8);
    }
    JsonNode after = anonymous.get(ORANIENSTRASSE).body();

    assertThat(after.get("promise").get("queuedOrders").asInt())
        .isEqualTo(before.get("promise").get("queuedOrders").asInt() + 6);
    // six more orders of 8 units: 6 x (75 + 10 + 24) s shared by 2 pickers, about 5.5 minutes more
    assertThat(after.get("promise").get("minutes").asLong()).isGreaterThanOrEqualTo(idle + 5);
  }

  @Test
  void morePickersOnShiftPromiseSoonerAndAClosedStoreIsSkippedAndTakesNoOrder() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient staff =
        anonymous.login("staff.berlin-kreuzberg@commerce.local", "staff-demo-password");
    String shift = "/api/v1/stores/berlin-kreuzberg/shift";
    Purchases purchases = new Purchases(staff, orders, "berlin-kreuzberg");
    purchases.stock("FRU-00004", 40);
    for (int i = 0; i < 3; i++) {
      purchases.buy(
          anonymous.newShopper("shift-" + i + "-" + System.nanoTime() + "@example.com"),
          "FRU-00004",
          8);
    }
    try {
      assertThat(staff.put(shift, Map.of("open", true, "pickers", 1)).status()).isEqualTo(200);
      long onePicker = anonymous.get(ORANIENSTRASSE).body().get("promise").get("minutes").asLong();
      staff.put(shift, Map.of("open", true, "pickers", 6));
      long sixPickers = anonymous.get(ORANIENSTRASSE).body().get("promise").get("minutes").asLong();
      assertThat(sixPickers).isLessThan(onePicker);
      assertThat(staff.get(shift).body().get("pickers").asInt()).isEqualTo(6);

      ApiClient shopper = anonymous.newShopper("closed-" + System.nanoTime() + "@example.com");
      shopper.put("/api/v1/cart/store", Map.of("storeId", "berlin-kreuzberg"));
      shopper.put("/api/v1/cart/items/FRU-00004", Map.of("quantity", 1));
      staff.put(shift, Map.of("open", false, "pickers", 6));

      JsonNode nearest = anonymous.get(ORANIENSTRASSE).body();
      assertThat(nearest.get("store").get("id").asString()).isNotEqualTo("berlin-kreuzberg");
      ApiClient.Response refused =
          shopper.post(
              "/api/v1/checkout", Map.of("deliverTo", Map.of("lat", 52.501, "lon", 13.419)));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body().get("detail").asString()).contains("is closed");
      assertThat(staff.put(shift, Map.of("open", true, "pickers", -1)).status()).isEqualTo(400);
      assertThat(
              staff
                  .put("/api/v1/stores/berlin-mitte/shift", Map.of("open", false, "pickers", 1))
                  .status())
          .as("staff of another store")
          .isEqualTo(403);
    } finally {
      staff.put(shift, Map.of("open", true, "pickers", 2));
    }
  }

  @Test
  void aPointNoStoreDeliversToIsA404ThatSaysSoAndNonsenseIsA400() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient.Response potsdam = anonymous.get("/api/v1/stores/nearest?lat=52.3956&lon=13.0597");
    assertThat(potsdam.status()).isEqualTo(404);
    assertThat(potsdam.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:no-store-delivers");
    assertThat(potsdam.body().get("detail").asString()).contains("none of our stores delivers");

    assertThat(anonymous.get("/api/v1/stores/nearest?lat=95&lon=13.4").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/stores/nearest?lat=abc&lon=13.4").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/stores/nearest").status()).isEqualTo(400);
  }
}
