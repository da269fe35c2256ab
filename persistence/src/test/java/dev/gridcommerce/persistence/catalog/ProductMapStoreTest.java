package dev.gridcommerce.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.demo.DemoCatalog;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.MapStoreContract;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductMapStoreTest extends MapStoreContract<String, Product> {

  private final Deque<Product> unused = new ArrayDeque<>(DemoCatalog.generate(1, 6_000).products());

  @Override
  protected PostgresMapStore<String, Product> storeOver(Database database) {
    return new ProductMapStore(database);
  }

  @Override
  protected Map<String, Product> sampleEntries(int count) {
    Map<String, Product> sample = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Product product = unused.pop();
      sample.put(product.sku(), product);
    }
    return sample;
  }

  @Override
  protected String countSql() {
    return "SELECT count(*) FROM products";
  }

  @Test
  void loadsMoreKeysThanOneChunkAndListsEveryKey() {
    Map<String, Product> many = sampleEntries(2_500);
    store.storeAll(many);

    assertThat(store.loadAll(many.keySet())).isEqualTo(many);
    assertThat(store.loadAllKeys()).containsAll(many.keySet());
  }

  @Test
  void changedProductReplacesTheStoredOne() {
    Product product = sampleEntries(1).values().iterator().next();
    store.store(product.sku(), product);
    Product renamed =
        new Product(
            product.sku(),
            "Renamed",
            product.brand(),
            product.category(),
            product.description(),
            product.price().times(2),
            Map.of("size", "XL"));

    store.store(product.sku(), renamed);

    assertThat(store.load(product.sku())).isEqualTo(renamed);
  }
}
