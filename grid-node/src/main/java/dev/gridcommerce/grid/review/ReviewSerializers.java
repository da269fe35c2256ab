package dev.gridcommerce.grid.review;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.domain.review.Review;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;
import java.util.Set;

/** The Compact serializers of reviews and of the processor that changes them. */
final class ReviewSerializers {

  private ReviewSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        new ReviewSerializer(), new ProductReviewsSerializer(), new ReviewProcessor.Serializer());
  }

  static final class ReviewSerializer extends NamedSerializer<Review> {

    ReviewSerializer() {
      super("commerce.Review", Review.class);
    }

    @Override
    public Review read(CompactReader in) {
      return new Review(
          in.readString("id"),
          in.readString("shopperId"),
          in.readString("author"),
          in.readInt32("rating"),
          in.readString("title"),
          in.readString("text"),
          instant(in.readInt64("createdAt")),
          instant(in.readInt64("updatedAt")),
          in.readString("hiddenReason"),
          Set.of(in.readArrayOfString("helpfulTo")));
    }

    @Override
    public void write(CompactWriter out, Review review) {
      out.writeString("id", review.id());
      out.writeString("shopperId", review.shopperId());
      out.writeString("author", review.author());
      out.writeInt32("rating", review.rating());
      out.writeString("title", review.title());
      out.writeString("text", review.text());
      out.writeInt64("createdAt", millis(review.createdAt()));
      out.writeInt64("updatedAt", millis(review.updatedAt()));
      out.writeString("hiddenReason", review.hiddenReason());
      out.writeArrayOfString("helpfulTo", review.helpfulTo().toArray(String[]::new));
    }
  }

  static final class ProductReviewsSerializer extends NamedSerializer<ProductReviews> {

    ProductReviewsSerializer() {
      super("commerce.ProductReviews", ProductReviews.class);
    }

    @Override
    public ProductReviews read(CompactReader in) {
      return new ProductReviews(
          in.readString("sku"),
          List.of(in.readArrayOfCompact("reviews", Review.class)),
          in.readInt64("version"));
    }

    @Override
    public void write(CompactWriter out, ProductReviews reviews) {
      out.writeString("sku", reviews.sku());
      out.writeArrayOfCompact("reviews", reviews.reviews().toArray(Review[]::new));
      out.writeInt64("version", reviews.version());
    }
  }
}
