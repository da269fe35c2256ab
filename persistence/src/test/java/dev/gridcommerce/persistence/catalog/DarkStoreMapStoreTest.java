package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.Map;

class DarkStoreMapStoreTest extends MapStoreContract<String, DarkStore> {

  DarkStoreMapStoreTest() {
    super(DarkStoreMapStore::new, "dark_stores");
  }

  @Override
  protected Map.Entry<String, DarkStore> sample(int n) {
    return Map.entry(
        "store-" + n,
        new DarkStore(
            "store-" + n,
            "Store " + n,
            new GeoPoint(52.5 + n / 100.0, 13.4),
            2.5,
            n % 2 == 0,
            n % 3 == 0 ? "SEK" : "EUR"));
  }
}
