package dev.gridcommerce.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductReviewsTest {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  private static ProductReviews twoReviews() {
    return ProductReviews.none("REV-1")
        .posted("ann", "Ann", 4, "Good", "", "r1", AT)
        .posted("bo", "Bo", 2, "Meh", "", "r2", AT.plusSeconds(60));
  }

  @Test
  void aSecondReviewByTheSameShopperReplacesTheFirstKeepingItsIdAndVotes() {
    ProductReviews voted = twoReviews().foundHelpful("r1", "bo").orElseThrow();

    ProductReviews rewritten =
        voted.posted("ann", "Ann", 1, "Changed my mind", "", "unused", AT.plusSeconds(120));

    assertThat(rewritten.reviews()).hasSize(2);
    Review ann = rewritten.byShopper("ann").orElseThrow();
    assertThat(ann.id()).isEqualTo("r1");
    assertThat(ann.createdAt()).isEqualTo(AT);
    assertThat(ann.helpfulCount()).isEqualTo(1);
    assertThat(rewritten.ratingTotal()).isEqualTo(1 + 2);
    assertThat(rewritten.version()).isEqualTo(voted.version() + 1);
  }

  @Test
  void aHiddenReviewLeavesTheListAndTheRating() {
    ProductReviews hidden = twoReviews().hidden("r2", "spam", AT).orElseThrow();

    assertThat(hidden.visible(ProductReviews.Order.NEWEST))
        .extracting(Review::id)
        .containsExactly("r1");
    assertThat(hidden.ratingCount()).isEqualTo(1);
    assertThat(hidden.ratingTotal()).isEqualTo(4);
    assertThat(twoReviews().hidden("nope", "spam", AT)).isEmpty();
    ProductReviews rewritten = hidden.posted("bo", "Bo", 5, "Nice now", "", "unused", AT);
    assertThat(rewritten.byShopper("bo").orElseThrow().hiddenReason()).isEqualTo("spam");
    assertThat(rewritten.ratingCount()).isEqualTo(1);
  }

  @Test
  void aShopperFindsAReviewHelpfulOnceAndNeverTheirOwn() {
    ProductReviews reviews = twoReviews();

    ProductReviews once = reviews.foundHelpful("r2", "ann").orElseThrow();
    assertThat(once.foundHelpful("r2", "ann").orElseThrow()).isSameAs(once);
    assertThat(reviews.foundHelpful("r2", "bo").orElseThrow()).isSameAs(reviews);
    assertThat(once.visible(ProductReviews.Order.MOST_HELPFUL))
        .extracting(Review::id)
        .containsExactly("r2", "r1");
    assertThat(reviews.visible(ProductReviews.Order.NEWEST))
        .extracting(Review::id)
        .containsExactly("r2", "r1");
  }
}
