package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the {@code stores} map (store id → dark store) in the {@code dark_stores} table. */
public final class DarkStoreMapStore extends PostgresMapStore<String, DarkStore> {

  private static final String UPSERT =
      """
      INSERT INTO dark_stores (id, name, lat, lon, delivery_radius_km, reserve_on_add_to_cart)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
        delivery_radius_km = EXCLUDED.delivery_radius_km,
        reserve_on_add_to_cart = EXCLUDED.reserve_on_add_to_cart
      """;

  public DarkStoreMapStore() {}

  public DarkStoreMapStore(Database database) {
    super(database);
  }

  @Override
  protected void upsert(Map<String, DarkStore> entries) {
    database()
        .jdbc()
        .batchUpdate(
            UPSERT,
            list(entries.values()),
            BATCH_SIZE,
            (statement, store) -> {
              statement.setString(1, store.id());
              statement.setString(2, store.name());
              statement.setDouble(3, store.location().lat());
              statement.setDouble(4, store.location().lon());
              statement.setDouble(5, store.deliveryRadiusKm());
              statement.setBoolean(6, store.reserveOnAddToCart());
            });
  }

  @Override
  protected void remove(List<String> ids) {
    updateByKeys("DELETE FROM dark_stores WHERE id = ANY(?)", ids);
  }

  @Override
  protected Map<String, DarkStore> loadChunk(List<String> ids) {
    return queryByKeys(
            "SELECT * FROM dark_stores WHERE id = ANY(?)",
            ids,
            (row, n) ->
                new DarkStore(
                    row.getString("id"),
                    row.getString("name"),
                    new GeoPoint(row.getDouble("lat"), row.getDouble("lon")),
                    row.getDouble("delivery_radius_km"),
                    row.getBoolean("reserve_on_add_to_cart")))
        .stream()
        .collect(Collectors.toMap(DarkStore::id, Function.identity()));
  }

  @Override
  public Iterable<String> loadAllKeys() {
    return database().jdbc().queryForList("SELECT id FROM dark_stores", String.class);
  }
}
