package dev.gridcommerce.persistence.catalog;

import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code product-stats} map (sku → units sold and ratings) in the {@code product_stats}
 * table; all of it loads at start, so every API node's index and suggestions rank by it at once.
 */
public final class ProductStatsMapStore extends TextKeyMapStore<ProductStats> {

  private static final String UPSERT =
      """
      INSERT INTO product_stats (sku, units_sold, rating_count, rating_total, ratings_version,
                                 updated_at)
      VALUES (?, ?, ?, ?, ?, now())
      ON CONFLICT (sku) DO UPDATE SET
        units_sold = EXCLUDED.units_sold, rating_count = EXCLUDED.rating_count,
        rating_total = EXCLUDED.rating_total, ratings_version = EXCLUDED.ratings_version,
        updated_at = now()
      """;

  public ProductStatsMapStore() {
    this(null);
  }

  public ProductStatsMapStore(Database database) {
    super(database, "product-stats", "product_stats", "sku");
  }

  @Override
  protected void upsert(Map<String, ProductStats> entries) {
    batch(
        UPSERT,
        entries.entrySet(),
        (statement, entry) -> {
          ProductStats stats = entry.getValue();
          statement.setString(1, entry.getKey());
          statement.setLong(2, stats.unitsSold());
          statement.setInt(3, stats.ratingCount());
          statement.setLong(4, stats.ratingTotal());
          statement.setLong(5, stats.ratingsVersion());
        });
  }

  @Override
  protected ProductStats read(ResultSet row) throws SQLException {
    return new ProductStats(
        row.getLong("units_sold"),
        row.getInt("rating_count"),
        row.getLong("rating_total"),
        row.getLong("ratings_version"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT sku FROM product_stats", String.class);
  }
}
