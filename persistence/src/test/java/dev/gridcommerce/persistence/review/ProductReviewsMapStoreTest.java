package dev.gridcommerce.persistence.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductReviewsMapStoreTest extends MapStoreContract<String, ProductReviews> {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  ProductReviewsMapStoreTest() {
    super(ProductReviewsMapStore::new, "reviews");
  }

  @Override
  protected Map.Entry<String, ProductReviews> sample(int n) {
    String sku = "REV-%05d".formatted(n);
    ProductReviews reviews = ProductReviews.none(sku);
    for (int i = 0; i <= n % 3; i++) {
      reviews =
          reviews.posted(
              "shopper-" + i,
              "Ann",
              1 + (n + i) % 5,
              "title " + i,
              "text",
              sku + "-r" + i,
              AT.plusSeconds(i));
    }
    reviews = reviews.foundHelpful(sku + "-r0", "voter").orElseThrow();
    if (n % 2 == 1) {
      reviews = reviews.hidden(sku + "-r0", "spam", AT).orElseThrow();
    }
    return Map.entry(sku, reviews);
  }

  @Override
  protected long rows() {
    return db.database()
        .jdbc()
        .queryForObject("SELECT count(DISTINCT sku) FROM reviews", Long.class);
  }

  @Test
  void anOlderVersionNeverReplacesANewerOne() {
    ProductReviews older = sample(4).getValue();
    ProductReviews newer =
        older.posted("shopper-0", "Ann", 1, "changed my mind", "", "unused", AT.plusSeconds(60));
    store.store(newer.sku(), newer);

    store.store(older.sku(), older);

    ProductReviews loaded = store.load(older.sku());
    assertThat(loaded.byShopper("shopper-0").map(r -> r.title()))
        .isEqualTo(Optional.of("changed my mind"));
    assertThat(loaded.version()).isEqualTo(newer.version());
  }
}
