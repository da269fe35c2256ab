package dev.gridcommerce.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductMapStoreTest extends MapStoreContract<String, Product> {

  private static final List<Product> PRODUCTS = DemoCatalog.generate(1, 6_000).products();

  ProductMapStoreTest() {
    super(ProductMapStore::new, "products");
  }

  @Override
  protected Map.Entry<String, Product> sample(int n) {
    Product product = PRODUCTS.get(n);
    return Map.entry(product.sku(), product);
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
