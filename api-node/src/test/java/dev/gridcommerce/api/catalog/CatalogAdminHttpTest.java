package dev.gridcommerce.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.SecondApiNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * ADMIN manages the catalog over HTTP on one API node, and a second API node (a client of the same
 * grid) finds every change in its own search index within a second: a product created, replaced and
 * deleted, and a 1,000-line import with 10 bad lines.
 */
@EmbeddedGridTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAdminHttpTest {

  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
  private static final String STORE = "berlin-mitte";

  @LocalServerPort int port;
  @Autowired HazelcastInstance grid;

  private SecondApiNode secondNode;
  private ApiClient admin;
  private ApiClient onSecondNode;

  @BeforeAll
  void startASecondApiNodeInClientMode() {
    secondNode = SecondApiNode.start(grid);
    onSecondNode = new ApiClient(secondNode.port());
  }

  @AfterAll
  void stopTheSecondNode() {
    secondNode.close();
  }

  @BeforeEach
  void signIn() {
    admin = new ApiClient(port).login("admin@commerce.local", "admin-demo-password");
  }

  private static Map<String, Object> product(String name, long cents, String taxClass) {
    Map<String, Object> product = new HashMap<>();
    product.put("name", name);
    product.put("brand", "Testbrand");
    product.put("category", "Pantry");
    product.put("description", "made for this test");
    product.put("price", Map.of("amount", cents, "currency", "EUR"));
    product.put("taxClass", taxClass);
    product.put("attributes", Map.of("size", "500 g"));
    return product;
  }

  private static List<String> skusFound(ApiClient node, String query) {
    JsonNode items = node.get("/api/v1/products?q=" + query + "&size=100").body().get("items");
    return StreamSupport.stream(items.spliterator(), false)
        .map(item -> item.get("sku").asString())
        .toList();
  }

  @Test
  void aProductIsCreatedReplacedAndDeletedAndTheSecondNodeSeesEachChangeWithinASecond() {
    Response created =
        admin.put("/api/v1/products/TST-00001", product("Quokkaberry Jam", 349, "REDUCED"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.body().get("taxClass").asString()).isEqualTo("REDUCED");
    assertThat(created.body().get("imageUrl").asString())
        .isEqualTo("/api/v1/products/TST-00001/image.svg");
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> skusFound(onSecondNode, "quokkaberry").contains("TST-00001"));

    // the product as GET answers it goes back in as it is, computed fields ignored
    JsonNode page = onSecondNode.get("/api/v1/products/TST-00001?store=" + STORE).body();
    Map<String, Object> edited = ApiClient.asMap(page);
    edited.put("name", "Wombatberry Jam");
    Response replaced = admin.put("/api/v1/products/TST-00001", edited);
    assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
    assertThat(replaced.body().get("price").get("amount").asLong()).isEqualTo(349);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(20))
        .until(() ->
            skusFound(onSecondNode, "wombatberry").contains("TST-00001")
                && skusFound(onSecondNode, "quokkaberry").isEmpty());

    assertThat(admin.delete("/api/v1/products/TST-00001").status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/products/TST-00001").status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/products/TST-00001").status()).isEqualTo(404);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> skusFound(onSecondNode, "wombatberry").isEmpty());
  }

  @Test
  void aBadProductIsRefusedNamingEveryFieldAndOnlyAdminMayChangeTheCatalog() {
    Map<String, Object> bad = product(" ", 0, "LUXURY");
    bad.put("price", Map.of("amount", 0, "currency", "EUX"));
    bad.put("imageUrl", "javascript:alert(1)");
    Response refused = admin.put("/api/v1/products/TST-00002", bad);

    assertThat(refused.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    refused.body().get("errors").forEach(error -> fields.add(error.get("field").asString()));
    assertThat(fields).contains("name", "price.amount", "price.currency", "taxClass", "imageUrl");
    assertThat(admin.get("/api/v1/products/TST-00002").status()).isEqualTo(404);
    assertThat(admin.put("/api/v1/products/tst-lower", product("Jam", 100, "STANDARD")).status())
        .isEqualTo(400);
    Map<String, Object> otherSku = product("Jam", 100, "STANDARD");
    otherSku.put("sku", "TST-00099");
    assertThat(admin.put("/api/v1/products/TST-00002", otherSku).status()).isEqualTo(400);

    ApiClient shopper =
        new ApiClient(port).newShopper("browser-" + System.nanoTime() + "@example.com");
    assertThat(shopper.put("/api/v1/products/TST-00002", product("Jam", 100, "STANDARD")).status())
        .isEqualTo(403);
    assertThat(shopper.delete("/api/v1/products/PAN-00001").status()).isEqualTo(403);
    assertThat(
            new ApiClient(port)
                .put("/api/v1/products/TST-00002", product("Jam", 100, "STANDARD"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void aDeletedProductIsRefusedAtCheckoutButAPlacedOrderKeepsItsLine() {
    assertThat(
            admin
                .put("/api/v1/products/TST-00003", product("Numbat Nougat", 250, "REDUCED"))
                .status())
        .isEqualTo(201);
    ApiClient staff =
        new ApiClient(port).login("staff." + STORE + "@commerce.local", "staff-demo-password");
    assertThat(
            staff
                .post(
                    "/api/v1/stores/" + STORE + "/stock/TST-00003/adjustments",
                    Map.of("delta", 5, "reason", "DELIVERY"))
                .status())
        .isEqualTo(200);
    ApiClient early = new ApiClient(port).newShopper("early-" + System.nanoTime() + "@example.com");
    ApiClient late = new ApiClient(port).newShopper("late-" + System.nanoTime() + "@example.com");
    for (ApiClient shopper : List.of(early, late)) {
      shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
      shopper.put("/api/v1/cart/items/TST-00003", Map.of("quantity", 1));
    }
    Response placed = early.post("/api/v1/checkout", null);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);

    assertThat(admin.delete("/api/v1/products/TST-00003").status()).isEqualTo(204);

    Response refused = late.post("/api/v1/checkout", null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("detail").asString()).contains("no longer sold: TST-00003");
    JsonNode cartLine = late.get("/api/v1/cart").body().get("lines").get(0);
    assertThat(cartLine.get("sold").asBoolean()).isFalse();
    JsonNode order = early.get("/api/v1/orders/" + placed.body().get("id").asString()).body();
    assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo("Numbat Nougat");
    assertThat(order.get("lines").get(0).get("taxRateBasisPoints").asInt()).isEqualTo(700);
  }

  @Test
  void anImportOfAThousandLinesSavesTheGoodOnesAndReportsEachBadLine() {
    StringBuilder lines = new StringBuilder();
    List<Long> bad = new ArrayList<>();
    for (int i = 1; i <= 1_000; i++) {
      if (i % 100 == 50) {
        bad.add((long) i);
        lines.append(
            switch (i / 100 % 3) {
              case 0 -> "{\"sku\": \"IMP-%05d\", \"name\": \"Broken\"".formatted(i); // not JSON
              case 1 ->
                  "{\"sku\": \"IMP-%05d\", \"name\": \"Free lunch\", \"brand\": \"B\", \"category\": \"C\", \"price\": {\"amount\": 0, \"currency\": \"EUR\"}}"
                      .formatted(i);
              default ->
                  "{\"sku\": \"imp %d\", \"name\": \"Bad sku\", \"brand\": \"B\", \"category\": \"C\", \"price\": {\"amount\": 100, \"currency\": \"EUR\"}}"
                      .formatted(i);
            });
      } else {
        lines.append(
            "{\"sku\": \"IMP-%05d\", \"name\": \"Platypus Pasta %d\", \"brand\": \"Importco\", \"category\": \"Pantry\", \"price\": {\"amount\": %d, \"currency\": \"EUR\"}, \"taxClass\": \"REDUCED\"}"
                .formatted(i, i, 100 + i));
      }
      lines.append('\n');
    }

    Response report =
        admin.post(
            "/api/v1/admin/products/import",
            lines.toString(),
            Map.of("Content-Type", "application/x-ndjson"));

    assertThat(report.status()).as(report.text()).isEqualTo(200);
    assertThat(report.body().get("lines").asLong()).isEqualTo(1_000);
    assertThat(report.body().get("imported").asLong()).isEqualTo(990);
    assertThat(report.body().get("refused").asLong()).isEqualTo(10);
    List<Long> reported = new ArrayList<>();
    report.body().get("errors").forEach(error -> reported.add(error.get("line").asLong()));
    assertThat(reported).isEqualTo(bad);
    assertThat(report.body().get("errors").get(1).get("message").asString())
        .contains("price.amount: must be more than 0");
    assertThat(admin.get("/api/v1/products/IMP-00999").body().get("name").asString())
        .isEqualTo("Platypus Pasta 999");
    assertThat(admin.get("/api/v1/products/IMP-00150").status()).isEqualTo(404);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(20))
        .until(() ->
            onSecondNode.get("/api/v1/products?q=platypus&size=1").body().get("total").asLong()
                == 990);
  }

  @Test
  void aCsvImportReadsAttributesFromTheirColumnsAndReportsALineWithTooFewCells() {
    String csv =
        """
        sku,name,brand,category,price,currency,taxClass,attr:size
        CSV-00001,"Echidna Oats, rolled",Importco,Pantry,229,EUR,REDUCED,1 kg
        CSV-00002,Too short,Importco
        CSV-00003,Dingo Dish Soap,Importco,Household,399,EUR,STANDARD,
        """;

    Response report =
        admin.post("/api/v1/admin/products/import", csv, Map.of("Content-Type", "text/csv"));

    assertThat(report.status()).as(report.text()).isEqualTo(200);
    assertThat(report.body().get("imported").asLong()).isEqualTo(2);
    assertThat(report.body().get("errors").get(0).get("line").asLong()).isEqualTo(3);
    JsonNode oats = admin.get("/api/v1/products/CSV-00001").body();
    assertThat(oats.get("name").asString()).isEqualTo("Echidna Oats, rolled");
    assertThat(oats.get("attributes").get("size").asString()).isEqualTo("1 kg");
    assertThat(admin.get("/api/v1/products/CSV-00003").body().get("attributes").has("size"))
        .isFalse();
    assertThat(
            admin
                .post("/api/v1/admin/products/import", "x", Map.of("Content-Type", "text/plain"))
                .status())
        .isEqualTo(415);
  }

  @Test
  void everyProductHasAPlaceholderPictureThatEscapesItsName() {
    admin.put("/api/v1/products/TST-00004", product("Tom & <Jerry> Cheese", 499, "REDUCED"));

    Response svg = new ApiClient(port).get("/api/v1/products/TST-00004/image.svg");

    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(svg.header("cache-control")).contains("max-age=86400");
    assertThat(svg.text()).contains("Tom &amp; &lt;Jerry&gt; Cheese").doesNotContain("<Jerry>");
    assertThat(
            new ApiClient(port).get("/api/v1/products/PAN-00001").body().get("imageUrl").asString())
        .isEqualTo("/api/v1/products/PAN-00001/image.svg");
    assertThat(new ApiClient(port).get("/api/v1/products/NOPE-1/image.svg").status())
        .isEqualTo(404);
  }
}
