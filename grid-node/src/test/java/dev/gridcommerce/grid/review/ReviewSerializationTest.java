package dev.gridcommerce.grid.review;

import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.stream.Stream;

class ReviewSerializationTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    ProductReviews reviews =
        ProductReviews.none("REV-1")
            .posted("s1", "Ann", 4, "Good", "Really <b>good</b>", "r1", AT)
            .posted("s2", "Bo", 2, "", "", "r2", AT.plusSeconds(5));
    ProductReviews voted = reviews.foundHelpful("r1", "s2").orElseThrow();
    return Stream.of(
        voted,
        voted.hidden("r2", "spam", AT).orElseThrow().reviews().getFirst(),
        new ReviewProcessor(
            ReviewProcessor.Operation.POST, "s3", "Cy", 5, "t", "x", "r3", null, AT),
        new ProductStats(12, 3, 11, 7));
  }
}
