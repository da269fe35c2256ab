package dev.gridcommerce.persistence.review;

import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.domain.review.Review;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code product-reviews} map (sku → every review of the product) in the {@code reviews}
 * table, one row per review. Storing a product's reviews upserts each of its rows, only over rows
 * written by an older version of them. Loaded by sku on first use; none at start.
 */
public final class ProductReviewsMapStore extends PostgresMapStore<String, ProductReviews> {

  private static final String UPSERT =
      """
      INSERT INTO reviews (sku, shopper_id, id, author, rating, title, text, created_at,
                           updated_at, hidden_reason, helpful_to, reviews_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (sku, shopper_id) DO UPDATE SET
        id = EXCLUDED.id, author = EXCLUDED.author, rating = EXCLUDED.rating,
        title = EXCLUDED.title, text = EXCLUDED.text, updated_at = EXCLUDED.updated_at,
        hidden_reason = EXCLUDED.hidden_reason, helpful_to = EXCLUDED.helpful_to,
        reviews_version = EXCLUDED.reviews_version
      WHERE reviews.reviews_version <= EXCLUDED.reviews_version
      """;

  private record Row(ProductReviews product, Review review) {}

  public ProductReviewsMapStore() {
    this(null);
  }

  public ProductReviewsMapStore(Database database) {
    super(database, "product-reviews");
  }

  @Override
  protected void upsert(Map<String, ProductReviews> entries) {
    List<Row> rows = new ArrayList<>();
    entries
        .values()
        .forEach(product -> product.reviews().forEach(r -> rows.add(new Row(product, r))));
    batch(
        UPSERT,
        rows,
        (statement, row) -> {
          Review review = row.review();
          statement.setString(1, row.product().sku());
          statement.setString(2, review.shopperId());
          statement.setString(3, review.id());
          statement.setString(4, review.author());
          statement.setInt(5, review.rating());
          statement.setString(6, review.title());
          statement.setString(7, review.text());
          statement.setObject(8, utc(review.createdAt()));
          statement.setObject(9, utc(review.updatedAt()));
          statement.setString(10, review.hiddenReason());
          statement.setArray(11, textArray(statement, review.helpfulTo()));
          statement.setLong(12, row.product().version());
        });
  }

  @Override
  protected void remove(List<String> skus) {
    updateByKeys("DELETE FROM reviews WHERE sku = ANY(?)", skus);
  }

  @Override
  protected Map<String, ProductReviews> loadChunk(List<String> skus) {
    Map<String, List<Review>> bySku = new HashMap<>();
    Map<String, Long> versions = new HashMap<>();
    queryByKeys(
            "SELECT * FROM reviews WHERE sku = ANY(?) ORDER BY sku, created_at, id",
            skus,
            (row, n) -> {
              String sku = row.getString("sku");
              versions.merge(sku, row.getLong("reviews_version"), Math::max);
              return Map.entry(
                  sku,
                  new Review(
                      row.getString("id"),
                      row.getString("shopper_id"),
                      row.getString("author"),
                      row.getInt("rating"),
                      row.getString("title"),
                      row.getString("text"),
                      instant(row, "created_at"),
                      instant(row, "updated_at"),
                      row.getString("hidden_reason"),
                      new LinkedHashSet<>(strings(row, "helpful_to"))));
            })
        .forEach(entry ->
            bySku.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
    Map<String, ProductReviews> loaded = new HashMap<>();
    bySku.forEach(
        (sku, reviews) -> loaded.put(sku, new ProductReviews(sku, reviews, versions.get(sku))));
    return loaded;
  }

  /** None: a product's reviews load when they are first read. */
  @Override
  protected List<String> keysToLoad() {
    return null;
  }
}
