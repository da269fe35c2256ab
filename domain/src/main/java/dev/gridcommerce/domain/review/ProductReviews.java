package dev.gridcommerce.domain.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every review of one product, at most one per shopper: a second review by the same shopper
 * replaces the first (keeping its id, its creation time and its helpful votes), kept oldest first.
 * Only visible reviews count in the rating. Every change returns a new value with {@code version}
 * one higher.
 */
public record ProductReviews(String sku, List<Review> reviews, long version) {

  public static final int MAX_REVIEWS = 10_000;

  public ProductReviews {
    Objects.requireNonNull(sku, "sku");
    // one order for the same reviews, however they were changed or loaded: oldest first
    reviews =
        reviews.stream()
            .sorted(Comparator.comparing(Review::createdAt).thenComparing(Review::id))
            .toList();
    if (reviews.stream().map(Review::shopperId).distinct().count() != reviews.size()) {
      throw new IllegalArgumentException("a shopper reviews a product once");
    }
  }

  public static ProductReviews none(String sku) {
    return new ProductReviews(sku, List.of(), 0);
  }

  /** How reviews are listed. */
  public enum Order {
    NEWEST,
    MOST_HELPFUL
  }

  public Optional<Review> byShopper(String shopperId) {
    return reviews.stream().filter(review -> review.shopperId().equals(shopperId)).findFirst();
  }

  public Optional<Review> byId(String reviewId) {
    return reviews.stream().filter(review -> review.id().equals(reviewId)).findFirst();
  }

  /** The visible reviews in the order asked for (newest first on a tie). */
  public List<Review> visible(Order order) {
    Comparator<Review> newest = Comparator.comparing(Review::updatedAt).reversed();
    Comparator<Review> sort =
        order == Order.NEWEST
            ? newest
            : Comparator.comparingInt(Review::helpfulCount).reversed().thenComparing(newest);
    return reviews.stream().filter(Review::isVisible).sorted(sort).toList();
  }

  public int ratingCount() {
    return (int) reviews.stream().filter(Review::isVisible).count();
  }

  public long ratingTotal() {
    return reviews.stream().filter(Review::isVisible).mapToLong(Review::rating).sum();
  }

  /**
   * The shopper's review, new or replacing theirs (which keeps its id, creation time and votes). A
   * review ADMIN hid stays hidden when it is rewritten.
   */
  public ProductReviews posted(
      String shopperId,
      String author,
      int rating,
      String title,
      String text,
      String newId,
      Instant now) {
    Optional<Review> earlier = byShopper(shopperId);
    if (earlier.isEmpty() && reviews.size() >= MAX_REVIEWS) {
      throw new IllegalStateException("a product keeps at most " + MAX_REVIEWS + " reviews");
    }
    Review review =
        new Review(
            earlier.map(Review::id).orElse(newId),
            shopperId,
            author,
            rating,
            title,
            text,
            earlier.map(Review::createdAt).orElse(now),
            now,
            earlier.map(Review::hiddenReason).orElse(null),
            earlier.map(Review::helpfulTo).orElse(Set.of()));
    return replacing(review);
  }

  /** The review hidden for {@code reason}; empty when there is no such review. */
  public Optional<ProductReviews> hidden(String reviewId, String reason, Instant now) {
    return byId(reviewId)
        .map(review ->
            replacing(review.judged(Objects.requireNonNull(reason, "reason"), review.helpfulTo())));
  }

  /**
   * {@code voter} finds the review helpful (once; their own review can't be voted for); empty when
   * there is no such visible review.
   */
  public Optional<ProductReviews> foundHelpful(String reviewId, String voter) {
    return byId(reviewId)
        .filter(Review::isVisible)
        .map(review -> {
          if (review.shopperId().equals(voter) || review.helpfulTo().contains(voter)) {
            return this;
          }
          Set<String> votes = new HashSet<>(review.helpfulTo());
          votes.add(voter);
          return replacing(review.judged(review.hiddenReason(), votes));
        });
  }

  private ProductReviews replacing(Review review) {
    List<Review> next = new ArrayList<>(reviews.size() + 1);
    for (Review existing : reviews) {
      if (!existing.shopperId().equals(review.shopperId())) {
        next.add(existing);
      }
    }
    next.add(review);
    return new ProductReviews(sku, next, version + 1);
  }
}
