package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Keeps the {@code stores} map (store id → dark store) in the {@code dark_stores} table. */
public final class DarkStoreMapStore extends TextKeyMapStore<DarkStore> {

  private static final String UPSERT =
      """
      INSERT INTO dark_stores (id, name, lat, lon, delivery_radius_km, reserve_on_add_to_cart,
                               currency)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
        delivery_radius_km = EXCLUDED.delivery_radius_km,
        reserve_on_add_to_cart = EXCLUDED.reserve_on_add_to_cart, currency = EXCLUDED.currency
      """;

  public DarkStoreMapStore() {
    this(null);
  }

  public DarkStoreMapStore(Database database) {
    super(database, "stores", "dark_stores", "id");
  }

  @Override
  protected void upsert(Map<String, DarkStore> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, store) -> {
          statement.setString(1, store.id());
          statement.setString(2, store.name());
          statement.setDouble(3, store.location().lat());
          statement.setDouble(4, store.location().lon());
          statement.setDouble(5, store.deliveryRadiusKm());
          statement.setBoolean(6, store.reserveOnAddToCart());
          statement.setString(7, store.currency());
        });
  }

  @Override
  protected DarkStore read(ResultSet row) throws SQLException {
    return new DarkStore(
        row.getString("id"),
        row.getString("name"),
        new GeoPoint(row.getDouble("lat"), row.getDouble("lon")),
        row.getDouble("delivery_radius_km"),
        row.getBoolean("reserve_on_add_to_cart"),
        row.getString("currency"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT id FROM dark_stores", String.class);
  }
}
