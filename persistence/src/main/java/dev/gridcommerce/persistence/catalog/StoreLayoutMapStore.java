package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code store-layouts} map (store id → where each product sits) in the {@code
 * store_layouts} table, one row per store.
 */
public final class StoreLayoutMapStore extends TextKeyMapStore<StoreLayout> {

  private static final String UPSERT =
      """
      INSERT INTO store_layouts (store_id, skus, zones, aisles, shelves) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (store_id) DO UPDATE SET
        skus = EXCLUDED.skus, zones = EXCLUDED.zones, aisles = EXCLUDED.aisles,
        shelves = EXCLUDED.shelves
      """;

  public StoreLayoutMapStore() {
    this(null);
  }

  public StoreLayoutMapStore(Database database) {
    super(database, "store-layouts", "store_layouts", "store_id");
  }

  @Override
  protected void upsert(Map<String, StoreLayout> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, layout) -> {
          List<String> skus = new ArrayList<>(layout.locations().keySet());
          List<ShelfLocation> at = skus.stream().map(layout.locations()::get).toList();
          statement.setString(1, layout.storeId());
          statement.setArray(2, textArray(statement, skus));
          statement.setArray(
              3, textArray(statement, at.stream().map(ShelfLocation::zone).toList()));
          statement.setArray(
              4, intArray(statement, at.stream().map(ShelfLocation::aisle).toList()));
          statement.setArray(
              5, intArray(statement, at.stream().map(ShelfLocation::shelf).toList()));
        });
  }

  @Override
  protected StoreLayout read(ResultSet row) throws SQLException {
    List<String> skus = strings(row, "skus");
    List<String> zones = strings(row, "zones");
    List<Integer> aisles = integers(row, "aisles");
    List<Integer> shelves = integers(row, "shelves");
    Map<String, ShelfLocation> locations = new HashMap<>();
    for (int i = 0; i < skus.size(); i++) {
      locations.put(skus.get(i), new ShelfLocation(zones.get(i), aisles.get(i), shelves.get(i)));
    }
    return new StoreLayout(row.getString("store_id"), locations);
  }

  /** None: a store's layout loads when its first pick list is asked for. */
  @Override
  protected List<String> keysToLoad() {
    return null;
  }
}
