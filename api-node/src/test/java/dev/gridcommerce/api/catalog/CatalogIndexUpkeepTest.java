package dev.gridcommerce.api.catalog;

import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The search index follows the grid's products map: additions, changes and removals. */
@EmbeddedGridTest
class CatalogIndexUpkeepTest {

  @LocalServerPort int port;
  @Autowired GridMaps maps;

  private long hits(ApiClient api, String text) {
    return api.get("/api/v1/products?q=" + text).body().get("total").asLong();
  }

  @Test
  void productChangesInTheGridReachSearchWithinASecondOrTwo() {
    ApiClient api = new ApiClient(port);
    Product yuzu =
        new Product(
            "PAN-YUZU1",
            "Yuzu Marmalade",
            "Mediterra",
            "Pantry",
            "",
            Money.of(649, "EUR"),
            Map.of());

    maps.products().put(yuzu.sku(), yuzu);
    await().atMost(Duration.ofSeconds(10)).until(() -> hits(api, "yuzu") == 1);

    maps.products()
        .put(
            yuzu.sku(),
            new Product(
                yuzu.sku(),
                "Kumquat Marmalade",
                yuzu.brand(),
                yuzu.category(),
                "",
                yuzu.price(),
                Map.of()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> hits(api, "kumquat") == 1 && hits(api, "yuzu") == 0);

    maps.products().remove(yuzu.sku());
    await().atMost(Duration.ofSeconds(10)).until(() -> hits(api, "kumquat") == 0);
  }
}
