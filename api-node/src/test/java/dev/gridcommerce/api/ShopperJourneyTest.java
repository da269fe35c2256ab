package dev.gridcommerce.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A shopper's whole journey over HTTP against the one-JVM node: find a store, search, fill the
 * cart, check out, see the order, and find it in PostgreSQL behind the grid.
 */
@EmbeddedGridTest
class ShopperJourneyTest {

  private static final String STORE = "berlin-mitte";

  @LocalServerPort int port;
  @Autowired TestDatabase db;

  private ApiClient anonymous;

  @BeforeEach
  void client() {
    anonymous = new ApiClient(port);
  }

  @Test
  void searchCartCheckoutAndSeeTheOrder() {
    ApiClient shopper = anonymous.newShopper("journey@example.com");

    Response stores = anonymous.get("/api/v1/stores?near=52.5205,13.4095");
    assertThat(stores.status()).isEqualTo(200);
    assertThat(stores.body().get(0).get("id").asString()).isEqualTo(STORE);
    assertThat(stores.body().get(0).get("delivers").asBoolean()).isTrue();

    Response search = anonymous.get("/api/v1/products?q=organic%20milk&store=" + STORE);
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.body().get("total").asLong()).isPositive();
    JsonNode hit =
        StreamSupport.stream(search.body().get("items").spliterator(), false)
            .filter(item -> item.get("available").asInt() >= 2)
            .findFirst()
            .orElseThrow();
    String sku = hit.get("sku").asString();
    int availableBefore = hit.get("available").asInt();
    long price = hit.get("price").get("amount").asLong();
    assertThat(hit.get("price").propertyNames()).containsExactlyInAnyOrder("amount", "currency");
    assertThat(hit.get("name").asString()).containsIgnoringCase("milk");

    assertThat(shopper.put("/api/v1/cart/store", Map.of("storeId", STORE)).status()).isEqualTo(200);
    Response cart = shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", 2));
    assertThat(cart.status()).isEqualTo(200);
    JsonNode breakdown = cart.body().get("price");
    assertThat(breakdown.get("subtotal").get("amount").asLong()).isEqualTo(2 * price);
    long fees =
        breakdown.get("deliveryFee").get("amount").asLong()
            + breakdown.get("smallBasketFee").get("amount").asLong();
    assertThat(cart.body().get("total").get("amount").asLong()).isEqualTo(2 * price + fees);

    Response placed =
        shopper.post("/api/v1/checkout", null, Map.of("Idempotency-Key", "journey-1"));
    assertThat(placed.status()).isEqualTo(201);
    String orderId = placed.body().get("id").asString();
    assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
    assertThat(placed.body().get("status").asString()).isEqualTo("PENDING_PAYMENT");
    assertThat(placed.body().get("total").get("amount").asLong()).isEqualTo(2 * price + fees);
    assertThat(placed.body().get("price")).isEqualTo(breakdown);

    Response retried =
        shopper.post("/api/v1/checkout", null, Map.of("Idempotency-Key", "journey-1"));
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body().get("id").asString()).isEqualTo(orderId);

    Response product = anonymous.get("/api/v1/products/" + sku + "?store=" + STORE);
    assertThat(product.body().get("available").asInt()).isEqualTo(availableBefore - 2);
    assertThat(shopper.get("/api/v1/cart").body().get("lines")).isEmpty();

    Response orders = shopper.get("/api/v1/orders");
    assertThat(orders.body().get("total").asLong()).isEqualTo(1);
    assertThat(orders.body().get("items").get(0).get("id").asString()).isEqualTo(orderId);
    assertThat(shopper.get("/api/v1/orders/" + orderId).status()).isEqualTo(200);

    ApiClient someoneElse = anonymous.newShopper("someone.else@example.com");
    Response probe = someoneElse.get("/api/v1/orders/" + orderId);
    assertThat(probe.status()).isEqualTo(404);
    assertThat(probe.contentType()).startsWith("application/problem+json");

    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() ->
            assertThat(
                    db.database()
                        .jdbc()
                        .queryForObject(
                            "SELECT status FROM orders WHERE id = ?", String.class, orderId))
                .isEqualTo("PENDING_PAYMENT"));
  }

  @Test
  void askingForMoreThanIsAvailableIsAConflictNamingTheShortLine() {
    ApiClient shopper = anonymous.newShopper("greedy@example.com");
    JsonNode hit =
        anonymous.get("/api/v1/products?q=bread&store=" + STORE).body().get("items").get(0);
    String sku = hit.get("sku").asString();
    int available = hit.get("available").asInt();
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", Math.min(50, available + 1)));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        available < 50, "needs a product with under 50 units");

    Response refused = shopper.post("/api/v1/checkout", null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode line = refused.body().get("shortLines").get(0);
    assertThat(line.get("sku").asString()).isEqualTo(sku);
    assertThat(line.get("available").asInt()).isEqualTo(available);
    Response product = anonymous.get("/api/v1/products/" + sku + "?store=" + STORE);
    assertThat(product.body().get("available").asInt()).isEqualTo(available);
  }

  @Test
  void badInputGetsClearProblemsAndChangesNothing() {
    ApiClient shopper = anonymous.newShopper("careless@example.com");

    Response noToken = anonymous.get("/api/v1/cart");
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:unauthorized");

    Response forged = anonymous.as("not.a.token").get("/api/v1/products");
    assertThat(forged.status()).isEqualTo(401);

    Response negative = shopper.put("/api/v1/cart/items/FRU-00001", Map.of("quantity", -1));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body().get("errors").get(0).get("field").asString()).isEqualTo("quantity");

    Response malformed = shopper.put("/api/v1/cart/items/FRU-00001", "{not json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:malformed-body");

    assertThat(shopper.put("/api/v1/cart/items/NOPE-1", Map.of("quantity", 1)).status())
        .isEqualTo(404);
    assertThat(shopper.put("/api/v1/cart/store", Map.of("storeId", "atlantis")).status())
        .isEqualTo(400);
    assertThat(anonymous.get("/api/v1/products?size=1000").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/products?sort=cheapest").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/stores?near=north").status()).isEqualTo(400);

    Response emptyCart = shopper.post("/api/v1/checkout", null);
    assertThat(emptyCart.status()).isEqualTo(422);
    assertThat(shopper.get("/api/v1/cart").body().get("lines")).isEmpty();
    assertThat(shopper.get("/api/v1/orders").body().get("total").asLong()).isZero();

    Response duplicate =
        anonymous.post(
            "/api/v1/auth/register",
            Map.of(
                "email", "CAREless@example.com", "password", "another long password", "name", "X"));
    assertThat(duplicate.status()).isEqualTo(409);
    Response wrongPassword =
        anonymous.post(
            "/api/v1/auth/login", Map.of("email", "careless@example.com", "password", "wrong"));
    assertThat(wrongPassword.status()).isEqualTo(401);
  }

  @Test
  void aShopperCancelsBeforePickingAndTheUnitsComeBack() {
    ApiClient shopper = anonymous.newShopper("fickle@example.com");
    String sku = "SNA-00005";
    int before =
        anonymous
            .get("/api/v1/products/" + sku + "?store=" + STORE)
            .body()
            .get("available")
            .asInt();
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", 1));
    String orderId = shopper.post("/api/v1/checkout", null).body().get("id").asString();
    assertThat(
            anonymous
                .get("/api/v1/products/" + sku + "?store=" + STORE)
                .body()
                .get("available")
                .asInt())
        .isEqualTo(before - 1);

    Response cancelled = shopper.post("/api/v1/orders/" + orderId + "/cancel", null);

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(
            anonymous
                .get("/api/v1/products/" + sku + "?store=" + STORE)
                .body()
                .get("available")
                .asInt())
        .isEqualTo(before);
    assertThat(
            anonymous
                .newShopper("nosy@example.com")
                .post("/api/v1/orders/" + orderId + "/cancel", null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndOutsideTheDeliveryAreaToo() {
    ApiClient shopper = anonymous.newShopper("keyed@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.put("/api/v1/cart/items/BEV-00002", Map.of("quantity", 1));
    Map<String, Object> alexanderplatz =
        Map.of("deliverTo", Map.of("lat", 52.5219, "lon", 13.4132));
    Map<String, Object> potsdam = Map.of("deliverTo", Map.of("lat", 52.3906, "lon", 13.0645));

    Response far = shopper.post("/api/v1/checkout", potsdam, Map.of("Idempotency-Key", "k-far"));
    assertThat(far.status()).isEqualTo(422);
    assertThat(far.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:outside-delivery-area");

    Response placed =
        shopper.post("/api/v1/checkout", alexanderplatz, Map.of("Idempotency-Key", "k-1"));
    assertThat(placed.status()).isEqualTo(201);
    Response reused =
        shopper.post(
            "/api/v1/checkout",
            Map.of("deliverTo", Map.of("lat", 52.52, "lon", 13.41)),
            Map.of("Idempotency-Key", "k-1"));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:idempotency-key-reused");
  }

  @Test
  void aStoreThatReservesOnAddToCartHoldsTheLineAsItIsAdded() {
    ApiClient shopper = anonymous.newShopper("early@example.com");
    String store = "berlin-prenzlauer-berg";
    JsonNode hit =
        StreamSupport.stream(
                anonymous
                    .get("/api/v1/products?q=pasta&size=50&store=" + store)
                    .body()
                    .get("items")
                    .spliterator(),
                false)
            .filter(item -> item.get("available").asInt() > 1 && item.get("available").asInt() < 50)
            .findFirst()
            .orElseThrow();
    String sku = hit.get("sku").asString();
    int available = hit.get("available").asInt();
    shopper.put("/api/v1/cart/store", Map.of("storeId", store));

    assertThat(shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", 1)).status())
        .isEqualTo(200);
    assertThat(
            anonymous
                .get("/api/v1/products/" + sku + "?store=" + store)
                .body()
                .get("available")
                .asInt())
        .isEqualTo(available - 1);
    Response tooMany = shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", available + 1));
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.body().get("available").asInt()).isEqualTo(available);
    assertThat(shopper.delete("/api/v1/cart").status()).isEqualTo(204);
    assertThat(
            anonymous
                .get("/api/v1/products/" + sku + "?store=" + store)
                .body()
                .get("available")
                .asInt())
        .isEqualTo(available);
  }

  @Test
  void seededStaffAndAdminCanSignInAndHealthIsUp() {
    Response me =
        anonymous
            .login("staff.berlin-mitte@commerce.local", "staff-demo-password")
            .get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("roles").get(0).asString()).isEqualTo("STAFF");
    assertThat(me.body().get("storeIds").get(0).asString()).isEqualTo(STORE);
    assertThat(
            anonymous
                .login("admin@commerce.local", "admin-demo-password")
                .get("/api/v1/me")
                .status())
        .isEqualTo(200);

    Response health = anonymous.get("/actuator/health/readiness");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().get("status").asString()).isEqualTo("UP");
    Response apiDocs = anonymous.get("/v3/api-docs");
    assertThat(apiDocs.status()).isEqualTo(200);
    assertThat(
            apiDocs
                .body()
                .at("/components/schemas/PriceBreakdown/properties/total/properties")
                .propertyNames())
        .containsExactlyInAnyOrder("amount", "currency");
  }
}
