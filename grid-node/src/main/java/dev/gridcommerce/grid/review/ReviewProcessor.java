package dev.gridcommerce.grid.review;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a product's reviews: posts one (a shopper's second replaces their first), hides one, or
 * counts a shopper finding one helpful; answers the reviews after the change, or null when the
 * review to hide or vote for isn't there. Runs on the partition thread owning the product's
 * reviews, so two changes at once both land and the rating counted from them is exact; the backup
 * runs the same processor with the same time and id.
 */
record ReviewProcessor(
    Operation operation,
    String shopperId,
    String author,
    int rating,
    String title,
    String text,
    String reviewId,
    String reason,
    Instant now)
    implements EntryProcessor<String, ProductReviews, ProductReviews> {

  enum Operation {
    POST,
    HIDE,
    HELPFUL
  }

  @Override
  public ProductReviews process(Map.Entry<String, ProductReviews> entry) {
    ProductReviews current =
        entry.getValue() == null ? ProductReviews.none(entry.getKey()) : entry.getValue();
    Optional<ProductReviews> next =
        switch (operation) {
          case POST ->
              Optional.of(current.posted(shopperId, author, rating, title, text, reviewId, now));
          case HIDE -> current.hidden(reviewId, reason, now);
          case HELPFUL -> current.foundHelpful(reviewId, shopperId);
        };
    if (next.isEmpty()) {
      return null;
    }
    if (next.get() != current) {
      entry.setValue(next.get());
    }
    return next.get();
  }

  static final class Serializer extends NamedSerializer<ReviewProcessor> {

    Serializer() {
      super("commerce.ReviewProcessor", ReviewProcessor.class);
    }

    @Override
    public ReviewProcessor read(CompactReader in) {
      return new ReviewProcessor(
          Operation.valueOf(in.readString("operation")),
          in.readString("shopperId"),
          in.readString("author"),
          in.readInt32("rating"),
          in.readString("title"),
          in.readString("text"),
          in.readString("reviewId"),
          in.readString("reason"),
          instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, ReviewProcessor processor) {
      out.writeString("operation", processor.operation().name());
      out.writeString("shopperId", processor.shopperId());
      out.writeString("author", processor.author());
      out.writeInt32("rating", processor.rating());
      out.writeString("title", processor.title());
      out.writeString("text", processor.text());
      out.writeString("reviewId", processor.reviewId());
      out.writeString("reason", processor.reason());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
