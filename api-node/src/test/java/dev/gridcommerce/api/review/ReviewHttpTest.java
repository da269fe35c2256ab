package dev.gridcommerce.api.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Reviews over HTTP: only a shopper who had the product delivered may review it; markup comes back
 * escaped; a second review replaces the first; the product, its search hit and the search sorted by
 * rating follow the average and count; helpful votes order the list; ADMIN hides one.
 */
@EmbeddedGridTest
class ReviewHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final AtomicInteger SKUS = new AtomicInteger();
  private static final AtomicInteger SHOPPERS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired Orders orders;

  private ApiClient anonymous;
  private ApiClient admin;
  private Purchases purchases;
  private String sku;

  @BeforeEach
  void aNewProduct() {
    anonymous = new ApiClient(port);
    admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    purchases = Purchases.atStore(anonymous, orders, STORE);
    sku = "REV-%05d".formatted(SKUS.incrementAndGet());
    newProduct(sku, "Wallaby Waffles " + sku);
    purchases.stock(sku, 20);
  }

  private void newProduct(String productSku, String name) {
    Response put =
        admin.put(
            "/api/v1/products/" + productSku,
            Map.of(
                "name", name,
                "brand", "Outback",
                "category", "Bakery",
                "price", Map.of("amount", 399, "currency", "EUR"),
                "taxClass", "REDUCED"));
    assertThat(put.status()).as(put.text()).isEqualTo(201);
  }

  private ApiClient shopper() {
    return anonymous.newShopper("reviewer-" + SHOPPERS.incrementAndGet() + "@example.com");
  }

  /** A shopper who bought the product and had it delivered. */
  private ApiClient verifiedBuyer() {
    ApiClient buyer = shopper();
    purchases.deliver(purchases.buy(buyer, sku, 1));
    return buyer;
  }

  private Response review(ApiClient who, int rating, String title, String text) {
    return who.post(
        "/api/v1/products/" + sku + "/reviews",
        Map.of("rating", rating, "title", title, "text", text));
  }

  @Test
  void aShopperWithoutADeliveredOrderIsRefusedWithAReason() {
    ApiClient stranger = shopper();
    Response refused = review(stranger, 5, "Great", "Never tried it");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:not-a-verified-buyer");
    assertThat(refused.body().get("detail").asString()).contains("had " + sku + " delivered");

    ApiClient paidNotDelivered = shopper();
    purchases.buy(paidNotDelivered, sku, 1);
    assertThat(review(paidNotDelivered, 5, "Great", "On its way").status()).isEqualTo(403);
    assertThat(anonymous.get("/api/v1/products/" + sku + "/reviews").body().get("total").asLong())
        .isZero();
  }

  @Test
  void aVerifiedBuyersReviewIsEscapedOnOutputAndMovesTheRating() {
    ApiClient buyer = verifiedBuyer();

    Response posted =
        review(buyer, 4, "<script>alert('x')</script> Crispy", "Good & crunchy <b>really</b>");

    assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    assertThat(posted.body().get("title").asString())
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Crispy");
    JsonNode page = anonymous.get("/api/v1/products/" + sku + "/reviews").body();
    assertThat(page.get("items").get(0).get("text").asString())
        .isEqualTo("Good &amp; crunchy &lt;b&gt;really&lt;/b&gt;");
    assertThat(page.get("items").get(0).get("author").asString()).isEqualTo("Test");
    assertThat(page.get("rating").get("average").asDouble()).isEqualTo(4.0);
    JsonNode product = anonymous.get("/api/v1/products/" + sku).body();
    assertThat(product.get("rating").get("count").asInt()).isEqualTo(1);

    // a second review by the same shopper replaces the first
    assertThat(review(buyer, 2, "Soggy next day", "").status()).isEqualTo(201);
    ApiClient another = verifiedBuyer();
    assertThat(review(another, 5, "Best waffles", "").status()).isEqualTo(201);

    JsonNode after = anonymous.get("/api/v1/products/" + sku + "/reviews").body();
    assertThat(after.get("total").asLong()).isEqualTo(2);
    assertThat(after.get("rating").get("average").asDouble()).isEqualTo(3.5);
    assertThat(after.get("items").get(0).get("title").asString()).isEqualTo("Best waffles");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() ->
            assertThat(
                    anonymous
                        .get("/api/v1/products?q=" + sku)
                        .body()
                        .get("items")
                        .get(0)
                        .get("rating")
                        .get("count")
                        .asInt())
                .isEqualTo(2));
  }

  @Test
  void helpfulVotesOrderTheListAndAdminHidesAReviewWithAReason() {
    ApiClient first = verifiedBuyer();
    ApiClient second = verifiedBuyer();
    String firstId = review(first, 5, "First", "").body().get("id").asString();
    String secondId = review(second, 1, "Second", "").body().get("id").asString();
    ApiClient voter = shopper();
    String helpful = "/api/v1/products/" + sku + "/reviews/" + firstId + "/helpful";
    assertThat(voter.post(helpful, null).body().get("helpful").asInt()).isEqualTo(1);
    assertThat(voter.post(helpful, null).body().get("helpful").asInt()).as("once").isEqualTo(1);

    assertThat(titles("newest")).containsExactly("Second", "First");
    assertThat(titles("helpful")).containsExactly("First", "Second");

    String hide = "/api/v1/admin/products/" + sku + "/reviews/" + secondId + "/hide";
    assertThat(voter.post(hide, Map.of("reason", "rude")).status()).isEqualTo(403);
    Response hidden = admin.post(hide, Map.of("reason", "insults the baker"));
    assertThat(hidden.status()).isEqualTo(200);
    assertThat(hidden.body().get("hiddenReason").asString()).isEqualTo("insults the baker");
    assertThat(titles("newest")).containsExactly("First");
    assertThat(
            anonymous.get("/api/v1/products/" + sku).body().get("rating").get("average").asDouble())
        .isEqualTo(5.0);
  }

  @Test
  void searchSortsByRating() {
    String other = "REV-%05d".formatted(SKUS.incrementAndGet());
    newProduct(other, "Wallaby Waffles " + other);
    purchases.stock(other, 5);
    ApiClient buyer = verifiedBuyer();
    review(buyer, 3, "Fine", "");
    ApiClient otherBuyer = shopper();
    purchases.deliver(purchases.buy(otherBuyer, other, 1));
    otherBuyer.post(
        "/api/v1/products/" + other + "/reviews", Map.of("rating", 5, "title", "Superb"));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> {
          JsonNode items =
              anonymous.get("/api/v1/products?q=wallaby&sort=rating&size=100").body().get("items");
          List<String> skus = new ArrayList<>();
          items.forEach(item -> skus.add(item.get("sku").asString()));
          assertThat(skus.indexOf(other)).isLessThan(skus.indexOf(sku));
          assertThat(items.get(0).get("rating").get("average").asDouble()).isEqualTo(5.0);
        });
  }

  @Test
  void aBadReviewIs400AndChangesNothing() {
    ApiClient buyer = verifiedBuyer();
    assertThat(review(buyer, 6, "Too good", "").status()).isEqualTo(400);
    assertThat(review(buyer, 4, "x".repeat(121), "").status()).isEqualTo(400);
    assertThat(review(buyer, 4, "ok", "y".repeat(2_001)).status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/products/" + sku + "/reviews?sort=best").status())
        .isEqualTo(400);
    assertThat(anonymous.get("/api/v1/products/" + sku + "/reviews").body().get("total").asLong())
        .isZero();
    assertThat(anonymous.post("/api/v1/products/" + sku + "/reviews", Map.of("rating", 4)).status())
        .isEqualTo(401);
  }

  private List<String> titles(String sort) {
    List<String> titles = new ArrayList<>();
    anonymous
        .get("/api/v1/products/" + sku + "/reviews?sort=" + sort)
        .body()
        .get("items")
        .forEach(item -> titles.add(item.get("title").asString()));
    return titles;
  }
}
