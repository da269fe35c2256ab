package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.HashMap;
import java.util.Map;

class StoreLayoutMapStoreTest extends MapStoreContract<String, StoreLayout> {

  StoreLayoutMapStoreTest() {
    super(StoreLayoutMapStore::new, "store_layouts");
  }

  @Override
  protected Map.Entry<String, StoreLayout> sample(int n) {
    Map<String, ShelfLocation> locations = new HashMap<>();
    for (int i = 0; i < n % 5; i++) {
      locations.put("SKU-" + i, new ShelfLocation("Z" + (i % 3), 1 + i, 1 + n % 7));
    }
    return Map.entry("store-" + n, new StoreLayout("store-" + n, locations));
  }
}
