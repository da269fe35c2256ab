package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.MapStoreContract;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.LinkedHashMap;
import java.util.Map;

class DarkStoreMapStoreTest extends MapStoreContract<String, DarkStore> {

  private int next;

  @Override
  protected PostgresMapStore<String, DarkStore> storeOver(Database database) {
    return new DarkStoreMapStore(database);
  }

  @Override
  protected Map<String, DarkStore> sampleEntries(int count) {
    Map<String, DarkStore> sample = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int n = next++;
      sample.put(
          "store-" + n,
          new DarkStore(
              "store-" + n, "Store " + n, new GeoPoint(52.5 + n / 100.0, 13.4), 2.5, n % 2 == 0));
    }
    return sample;
  }

  @Override
  protected String countSql() {
    return "SELECT count(*) FROM dark_stores";
  }
}
