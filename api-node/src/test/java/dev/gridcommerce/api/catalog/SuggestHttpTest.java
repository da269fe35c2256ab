package dev.gridcommerce.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Search-box suggestions over HTTP: a prefix completes names, brands and categories of the demo
 * catalog; one typo is forgiven; what sells more ranks first, and new products and new sales show
 * within moments.
 */
@EmbeddedGridTest
class SuggestHttpTest {

  private static final String STORE = "berlin-mitte";

  @LocalServerPort int port;
  @Autowired Orders orders;

  private List<String> suggestions(ApiClient client, String prefix) {
    JsonNode answer =
        client
            .get(
                "/api/v1/products/suggest?prefix="
                    + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                    + "&size=5")
            .body();
    List<String> texts = new ArrayList<>();
    answer.get("suggestions").forEach(s -> texts.add(s.get("text").asString()));
    return texts;
  }

  @Test
  void aPrefixOrATypoCompletesAndTheBestSellerComesFirst() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    for (String[] product :
        new String[][] {
          {"SUG-00001", "Kookaburra Crisps Paprika"}, {"SUG-00002", "Kookaburra Crisps Salted"}
        }) {
      admin.put(
          "/api/v1/products/" + product[0],
          Map.of(
              "name",
              product[1],
              "brand",
              "Laughing Bird",
              "category",
              "Snacks",
              "price",
              Map.of("amount", 199, "currency", "EUR")));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> suggestions(anonymous, "kookab").size() == 2);
    // the exact completion first; "Salted" is one typo away from "p"
    assertThat(suggestions(anonymous, "kookaburra crisps p"))
        .first()
        .isEqualTo("Kookaburra Crisps Paprika");
    assertThat(suggestions(anonymous, "laughing")).containsExactly("Laughing Bird");
    assertThat(suggestions(anonymous, "kokaburra")).as("one letter missing").hasSize(2);
    assertThat(suggestions(anonymous, "crisps salt")).first().isEqualTo("Kookaburra Crisps Salted");

    Purchases purchases = Purchases.atStore(anonymous, orders, STORE);
    // unsold, the shorter name comes first; three units sold put the longer one ahead
    assertThat(suggestions(anonymous, "kookab"))
        .containsExactly("Kookaburra Crisps Salted", "Kookaburra Crisps Paprika");
    purchases.stock("SUG-00001", 10);
    purchases.buy(
        anonymous.newShopper("crunchy-" + System.nanoTime() + "@example.com"), "SUG-00001", 3);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() ->
            assertThat(suggestions(anonymous, "kookab"))
                .containsExactly("Kookaburra Crisps Paprika", "Kookaburra Crisps Salted"));
    JsonNode top =
        anonymous.get("/api/v1/products/suggest?prefix=kookab").body().get("suggestions").get(0);
    assertThat(top.get("kind").asString()).isEqualTo("PRODUCT");
    assertThat(top.get("sku").asString()).isEqualTo("SUG-00001");
    assertThat(top.get("unitsSold").asLong()).isEqualTo(3);
  }

  @Test
  void theDemoCatalogCompletesItsCategoriesAndABlankPrefixIsRefused() {
    ApiClient anonymous = new ApiClient(port);
    assertThat(suggestions(anonymous, "dair")).contains("Dairy & Eggs");
    assertThat(anonymous.get("/api/v1/products/suggest").status()).isEqualTo(400);
    assertThat(anonymous.get("/api/v1/products/suggest?prefix=ab&size=500").status())
        .isEqualTo(400);
  }
}
