package dev.gridcommerce.grid.review;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.domain.review.Review;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.review.ReviewProcessor.Operation;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.Page;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reviews from verified buyers: the one door to the {@code product-reviews} map. Only a shopper
 * with a delivered order of the product may review it; each change is an entry processor on the
 * product's key, and the product's rating (count and total of its visible reviews) is handed to the
 * catalog's stats after it, counted from that version of the reviews, so the search index and
 * product pages follow.
 */
public final class Reviews {

  /** What posting a review came to. */
  public sealed interface Posting {
    record Posted(Review review) implements Posting {}

    /** The shopper has no delivered order of the product. */
    record NotABuyer() implements Posting {}

    record UnknownProduct() implements Posting {}
  }

  private final IMap<String, ProductReviews> reviews;
  private final Catalog catalog;
  private final Orders orders;
  private final Clock clock;

  public Reviews(HazelcastInstance grid, Clock clock, Catalog catalog, Orders orders) {
    this.reviews = new GridMaps(grid).productReviews();
    this.catalog = catalog;
    this.orders = orders;
    this.clock = clock;
  }

  public static List<CompactSerializer<?>> serializers() {
    return ReviewSerializers.all();
  }

  /**
   * Posts the shopper's review of the product (replacing theirs), if the shopper bought it and had
   * it delivered. {@code title} and {@code text} are kept as plain text, as given.
   */
  public Posting post(
      String sku, String shopperId, String author, int rating, String title, String text) {
    if (!catalog.sells(sku)) {
      return new Posting.UnknownProduct();
    }
    if (!orders.hasDelivered(shopperId, sku)) {
      return new Posting.NotABuyer();
    }
    ProductReviews after =
        change(
            sku,
            new ReviewProcessor(
                Operation.POST,
                shopperId,
                author,
                rating,
                title,
                text,
                UUID.randomUUID().toString(),
                null,
                clock.instant()));
    return new Posting.Posted(after.byShopper(shopperId).orElseThrow());
  }

  /** Hides a review with a reason; empty when the product has no review of that id. */
  public Optional<Review> hide(String sku, String reviewId, String reason) {
    ProductReviews after =
        change(
            sku,
            new ReviewProcessor(
                Operation.HIDE, null, null, 1, null, null, reviewId, reason, clock.instant()));
    return after == null ? Optional.empty() : after.byId(reviewId);
  }

  /** The shopper finds a review helpful (once); empty when there is no such visible review. */
  public Optional<Review> helpful(String sku, String reviewId, String shopperId) {
    ProductReviews after =
        change(
            sku,
            new ReviewProcessor(
                Operation.HELPFUL,
                shopperId,
                null,
                1,
                null,
                null,
                reviewId,
                null,
                clock.instant()));
    return after == null ? Optional.empty() : after.byId(reviewId);
  }

  /** A page of the product's visible reviews in the order asked for. */
  public Page<Review> visible(String sku, ProductReviews.Order order, int page, int size) {
    ProductReviews all = reviews.get(sku);
    return Page.of(all == null ? List.of() : all.visible(order), page, size);
  }

  private ProductReviews change(String sku, ReviewProcessor processor) {
    ProductReviews after = reviews.executeOnKey(sku, processor);
    if (after != null) {
      catalog.rated(sku, after.ratingCount(), after.ratingTotal(), after.version());
    }
    return after;
  }
}
