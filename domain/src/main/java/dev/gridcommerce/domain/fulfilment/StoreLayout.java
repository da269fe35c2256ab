package dev.gridcommerce.domain.fulfilment;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Where each product a dark store stocks sits on its shelves: its pick lists walk by this. */
public record StoreLayout(String storeId, Map<String, ShelfLocation> locations) {

  public StoreLayout {
    Objects.requireNonNull(storeId, "storeId");
    locations = Map.copyOf(locations);
  }

  public static StoreLayout empty(String storeId) {
    return new StoreLayout(storeId, Map.of());
  }

  /** This layout with the product at {@code location} (null: no location). */
  public StoreLayout with(String sku, ShelfLocation location) {
    Map<String, ShelfLocation> next = new TreeMap<>(locations);
    if (location == null) {
      next.remove(sku);
    } else {
      next.put(sku, location);
    }
    return new StoreLayout(storeId, next);
  }
}
