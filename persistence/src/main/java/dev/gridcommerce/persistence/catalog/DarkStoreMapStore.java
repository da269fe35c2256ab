package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.DeliveryTerms;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
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
                               currency, country, delivery_fee_minor, free_delivery_from_minor,
                               minimum_basket_minor, small_basket_fee_minor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        name = EXCLUDED.name, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
        delivery_radius_km = EXCLUDED.delivery_radius_km,
        reserve_on_add_to_cart = EXCLUDED.reserve_on_add_to_cart, currency = EXCLUDED.currency,
        country = EXCLUDED.country, delivery_fee_minor = EXCLUDED.delivery_fee_minor,
        free_delivery_from_minor = EXCLUDED.free_delivery_from_minor,
        minimum_basket_minor = EXCLUDED.minimum_basket_minor,
        small_basket_fee_minor = EXCLUDED.small_basket_fee_minor
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
          DeliveryTerms terms = store.deliveryTerms();
          statement.setString(8, store.country());
          statement.setLong(9, terms.fee().amountMinor());
          statement.setObject(10, terms.freeFrom() == null ? null : terms.freeFrom().amountMinor());
          statement.setLong(11, terms.minimumBasket().amountMinor());
          statement.setLong(12, terms.smallBasketFee().amountMinor());
        });
  }

  @Override
  protected DarkStore read(ResultSet row) throws SQLException {
    String currency = row.getString("currency");
    long freeFrom = row.getLong("free_delivery_from_minor");
    boolean neverFree = row.wasNull();
    return new DarkStore(
        row.getString("id"),
        row.getString("name"),
        new GeoPoint(row.getDouble("lat"), row.getDouble("lon")),
        row.getDouble("delivery_radius_km"),
        row.getBoolean("reserve_on_add_to_cart"),
        currency,
        row.getString("country"),
        new DeliveryTerms(
            Money.of(row.getLong("delivery_fee_minor"), currency),
            neverFree ? null : Money.of(freeFrom, currency),
            Money.of(row.getLong("minimum_basket_minor"), currency),
            Money.of(row.getLong("small_basket_fee_minor"), currency)));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT id FROM dark_stores", String.class);
  }
}
