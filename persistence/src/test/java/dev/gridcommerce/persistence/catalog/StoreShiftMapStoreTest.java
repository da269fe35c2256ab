package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.Map;

class StoreShiftMapStoreTest extends MapStoreContract<String, StoreShift> {

  StoreShiftMapStoreTest() {
    super(StoreShiftMapStore::new, "store_shifts");
  }

  @Override
  protected Map.Entry<String, StoreShift> sample(int n) {
    return Map.entry("store-" + n, new StoreShift("store-" + n, n % 3 != 0, n % 7));
  }
}
