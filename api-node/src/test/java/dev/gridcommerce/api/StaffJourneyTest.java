package dev.gridcommerce.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Store staff over HTTP: receiving and writing off stock, counting it, and picking and dispatching
 * a paid order; each change is in the ledger in PostgreSQL.
 */
@EmbeddedGridTest
class StaffJourneyTest {

  private static final String STORE = "berlin-kreuzberg";
  private static final String SKU = "PAN-00012";

  @LocalServerPort int port;
  @Autowired Orders orders;
  @Autowired TestDatabase db;

  private ApiClient anonymous;
  private ApiClient staff;

  @BeforeEach
  void signIn() {
    anonymous = new ApiClient(port);
    staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
  }

  private JsonNode stock() {
    Response page = staff.get("/api/v1/stores/" + STORE + "/stock?sku=" + SKU);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().get("total").asLong()).isEqualTo(1);
    return page.body().get("items").get(0);
  }

  @Test
  void receiveWriteOffAndCountWithTheirRules() {
    int before = stock().get("onHand").asInt();

    Response received =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            Map.of("delta", 12, "reason", "DELIVERY", "note", "pallet 4"),
            Map.of("Idempotency-Key", "delivery-4"));
    Response again =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            Map.of("delta", 12, "reason", "DELIVERY", "note", "pallet 4"),
            Map.of("Idempotency-Key", "delivery-4"));
    assertThat(received.status()).isEqualTo(200);
    assertThat(again.body().get("movementId").asString())
        .isEqualTo(received.body().get("movementId").asString());
    assertThat(stock().get("onHand").asInt()).isEqualTo(before + 12);

    int available = stock().get("available").asInt();
    Response tooMuch =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            Map.of("delta", -(available + 1), "reason", "DAMAGED"));
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.body().get("available").asInt()).isEqualTo(available);

    Response wrongWay =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            Map.of("delta", 3, "reason", "LOST"));
    assertThat(wrongWay.status()).isEqualTo(400);
    assertThat(stock().get("onHand").asInt()).isEqualTo(before + 12);

    long version = stock().get("onHandVersion").asLong();
    Response counted =
        staff.put(
            "/api/v1/stores/" + STORE + "/stock/" + SKU,
            Map.of("onHand", 40, "expectedVersion", version));
    assertThat(counted.status()).isEqualTo(200);
    assertThat(counted.body().get("onHand").asInt()).isEqualTo(40);
    Response stale =
        staff.put(
            "/api/v1/stores/" + STORE + "/stock/" + SKU,
            Map.of("onHand", 41, "expectedVersion", version));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(version + 1);

    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() ->
            assertThat(
                    db.database()
                        .jdbc()
                        .queryForList(
                            "SELECT reason FROM stock_movements WHERE store_id = ? AND sku = ? ORDER BY seq",
                            String.class,
                            STORE,
                            SKU))
                .containsExactly("DELIVERY", "STOCKTAKE"));
  }

  @Test
  void staffPickAndDispatchAPaidOrderOfTheirStoreOnly() {
    ApiClient shopper = anonymous.newShopper("picky@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/FRU-00003", Map.of("quantity", 2));
    String orderId = shopper.post("/api/v1/checkout", null).body().get("id").asString();
    int onHandBefore =
        staff
            .get("/api/v1/stores/" + STORE + "/stock?sku=FRU-00003")
            .body()
            .get("items")
            .get(0)
            .get("onHand")
            .asInt();

    Response tooEarly =
        staff.post(
            "/api/v1/stores/" + STORE + "/orders/" + orderId + "/status",
            Map.of("status", "PICKING"));
    assertThat(tooEarly.status()).isEqualTo(409);
    orders.paid(orderId, new PaymentReference("test", "pay-" + orderId));

    Response queue = staff.get("/api/v1/stores/" + STORE + "/orders?status=PAID");
    assertThat(queue.body().get("items").findValuesAsString("id")).contains(orderId);
    for (String status : new String[] {"PICKING", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED"}) {
      Response moved =
          staff.post(
              "/api/v1/stores/" + STORE + "/orders/" + orderId + "/status",
              Map.of("status", status));
      assertThat(moved.status()).as(status).isEqualTo(200);
      assertThat(moved.body().get("status").asString()).isEqualTo(status);
    }
    JsonNode stock =
        staff.get("/api/v1/stores/" + STORE + "/stock?sku=FRU-00003").body().get("items").get(0);
    assertThat(stock.get("onHand").asInt()).isEqualTo(onHandBefore - 2);
    assertThat(shopper.get("/api/v1/orders/" + orderId).body().get("status").asString())
        .isEqualTo("DELIVERED");

    ApiClient otherStore =
        anonymous.login("staff.berlin-mitte@commerce.local", "staff-demo-password");
    assertThat(otherStore.get("/api/v1/stores/" + STORE + "/stock").status()).isEqualTo(403);
    assertThat(
            otherStore
                .post(
                    "/api/v1/stores/berlin-mitte/orders/" + orderId + "/status",
                    Map.of("status", "PICKING"))
                .status())
        .isEqualTo(404);
    assertThat(shopper.get("/api/v1/stores/" + STORE + "/stock").status()).isEqualTo(403);
    assertThat(
            staff
                .post(
                    "/api/v1/stores/" + STORE + "/orders/" + orderId + "/status",
                    Map.of("status", "PAID"))
                .status())
        .isEqualTo(400);
  }
}
