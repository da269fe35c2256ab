package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.Map;

class ProductStatsMapStoreTest extends MapStoreContract<String, ProductStats> {

  ProductStatsMapStoreTest() {
    super(ProductStatsMapStore::new, "product_stats");
  }

  @Override
  protected Map.Entry<String, ProductStats> sample(int n) {
    return Map.entry("SKU-" + n, new ProductStats(n * 3L, n % 7, (n % 7) * 4L, n));
  }
}
