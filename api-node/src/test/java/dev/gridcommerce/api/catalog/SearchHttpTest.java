package dev.gridcommerce.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Search as a storefront uses it: a typo still finds the products (and says the match is
 * approximate), and {@code inStock} keeps only what the chosen store has.
 */
@EmbeddedGridTest
class SearchHttpTest {

  private static final String STORE = "berlin-kreuzberg";

  @LocalServerPort int port;
  @Autowired Orders orders;

  private static List<String> skus(JsonNode page) {
    List<String> skus = new ArrayList<>();
    page.get("items").forEach(item -> skus.add(item.get("sku").asString()));
    return skus;
  }

  @Test
  void aTypoFindsWhatTheRightWordsFindAndSaysTheMatchIsApproximate() {
    ApiClient anonymous = new ApiClient(port);
    JsonNode exact = anonymous.get("/api/v1/products?q=organic+milk&size=5").body();
    JsonNode typed = anonymous.get("/api/v1/products?q=orgnic+mlik&size=5").body();

    assertThat(exact.get("approximate").asBoolean()).isFalse();
    assertThat(typed.get("approximate").asBoolean()).isTrue();
    assertThat(skus(typed)).isNotEmpty().containsAll(skus(exact));
  }

  @Test
  void inStockKeepsOnlyTheProductsTheStoreHasAndNeedsAStore() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    for (String sku : List.of("INS-00001", "INS-00002", "INS-00003")) {
      admin.put(
          "/api/v1/products/" + sku,
          Map.of(
              "name",
              "Quokka Oat Bar " + sku,
              "brand",
              "Quokka Kitchen",
              "category",
              "Snacks",
              "price",
              Map.of("amount", 149, "currency", "EUR")));
    }
    Purchases purchases = Purchases.atStore(anonymous, orders, STORE);
    purchases.stock("INS-00002", 3);
    String query = "/api/v1/products?brand=Quokka+Kitchen&store=" + STORE;
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> anonymous.get(query).body().get("total").asLong() == 3);

    JsonNode inStock = anonymous.get(query + "&inStock=true").body();

    assertThat(skus(inStock)).containsExactly("INS-00002");
    assertThat(inStock.get("total").asLong()).isEqualTo(1);
    assertThat(inStock.get("items").get(0).get("available").asInt()).isEqualTo(3);
    JsonNode product = anonymous.get("/api/v1/products/INS-00002?store=" + STORE).body();
    assertThat(product.get("available").asInt()).isEqualTo(3);
    assertThat(product.get("taxRateBasisPoints").asInt())
        .as("Snacks at 19% in Germany")
        .isEqualTo(1900);
    assertThat(anonymous.get("/api/v1/products/INS-00002").body().has("taxRateBasisPoints"))
        .isFalse();
    ApiClient shopper = anonymous.newShopper("oat-bars-" + System.nanoTime() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    JsonNode line =
        shopper
            .put("/api/v1/cart/items/INS-00002", Map.of("quantity", 1))
            .body()
            .get("lines")
            .get(0);
    assertThat(line.get("imageUrl").asString())
        .as("a product without a picture shows its placeholder in the cart too")
        .isEqualTo("/api/v1/products/INS-00002/image.svg");
    ApiClient.Response noStore = anonymous.get("/api/v1/products?q=milk&inStock=true");
    assertThat(noStore.status()).isEqualTo(400);
    assertThat(noStore.text()).contains("inStock");
  }
}
