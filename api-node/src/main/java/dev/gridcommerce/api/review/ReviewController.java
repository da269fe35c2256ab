package dev.gridcommerce.api.review;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.domain.review.ProductReviews;
import dev.gridcommerce.domain.review.Review;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.review.Reviews;
import dev.gridcommerce.grid.support.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Reviews from verified buyers: {@code POST /products/{sku}/reviews} {rating, title, text} by a
 * shopper with a delivered order of the product (403 otherwise, saying so), one per shopper (a
 * second replaces the first); {@code GET /products/{sku}/reviews?sort=newest|helpful} pages the
 * visible ones with the product's average and count; {@code POST .../{id}/helpful} counts a
 * shopper's vote once; ADMIN hides one with {@code POST /admin/products/{sku}/reviews/{id}/hide}
 * {reason}. Titles and texts are stored as the shopper wrote them and answered HTML-escaped, so
 * they can be shown as they come.
 */
@RestController
class ReviewController {

  private final Reviews reviews;
  private final Catalog catalog;
  private final Accounts accounts;

  ReviewController(Reviews reviews, Catalog catalog, Accounts accounts) {
    this.reviews = reviews;
    this.catalog = catalog;
    this.accounts = accounts;
  }

  record NewReview(
      @NotNull @Min(1) @Max(5) Integer rating,
      @Size(max = Review.MAX_TITLE) String title,
      @Size(max = Review.MAX_TEXT) String text) {}

  record Hide(@NotBlank @Size(max = 500) String reason) {}

  /** A review as shown: author's first name, texts HTML-escaped; why hidden only for ADMIN. */
  record ReviewView(
      String id,
      String author,
      int rating,
      String title,
      String text,
      int helpful,
      Instant createdAt,
      Instant updatedAt,
      String hiddenReason) {

    static ReviewView of(Review review) {
      return new ReviewView(
          review.id(),
          HtmlUtils.htmlEscape(review.author(), "UTF-8"),
          review.rating(),
          HtmlUtils.htmlEscape(review.title(), "UTF-8"),
          HtmlUtils.htmlEscape(review.text(), "UTF-8"),
          review.helpfulCount(),
          review.createdAt(),
          review.updatedAt(),
          review.hiddenReason());
    }
  }

  record Rating(double average, int count) {
    static Rating of(ProductStats stats) {
      return new Rating(stats.averageRating(), stats.ratingCount());
    }
  }

  record ReviewPage(
      Rating rating, long total, int page, int size, String sort, List<ReviewView> items) {}

  @PostMapping("/api/v1/products/{sku}/reviews")
  ResponseEntity<ReviewView> post(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String sku,
      @Valid @RequestBody NewReview body) {
    String author =
        accounts
            .byId(caller.userId())
            .map(Account::name)
            .map(ReviewController::firstName)
            .orElse("A shopper");
    return switch (reviews.post(
        sku, caller.userId(), author, body.rating(), plain(body.title()), plain(body.text()))) {
      case Reviews.Posting.Posted posted ->
          ResponseEntity.status(HttpStatus.CREATED).body(ReviewView.of(posted.review()));
      case Reviews.Posting.NotABuyer notABuyer ->
          throw new ApiProblem(
              HttpStatus.FORBIDDEN,
              "not-a-verified-buyer",
              "Only buyers may review",
              "only a shopper who had " + sku + " delivered may review it");
      case Reviews.Posting.UnknownProduct unknown ->
          throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    };
  }

  @GetMapping("/api/v1/products/{sku}/reviews")
  ReviewPage list(
      @PathVariable String sku,
      @RequestParam(defaultValue = "newest") String sort,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
    if (!catalog.sells(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    ProductReviews.Order order =
        switch (sort.toLowerCase(Locale.ROOT)) {
          case "newest" -> ProductReviews.Order.NEWEST;
          case "helpful" -> ProductReviews.Order.MOST_HELPFUL;
          default -> throw ApiProblem.invalid("sort", "must be newest or helpful");
        };
    Page<Review> found = reviews.visible(sku, order, page, size);
    return new ReviewPage(
        Rating.of(catalog.stats(sku)),
        found.total(),
        page,
        size,
        sort.toLowerCase(Locale.ROOT),
        found.items().stream().map(ReviewView::of).toList());
  }

  @PostMapping("/api/v1/products/{sku}/reviews/{reviewId}/helpful")
  ReviewView helpful(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String sku,
      @PathVariable String reviewId) {
    return reviews
        .helpful(sku, reviewId, caller.userId())
        .map(ReviewView::of)
        .orElseThrow(() -> ApiProblem.notFound("no review " + reviewId + " of " + sku));
  }

  @PostMapping("/api/v1/admin/products/{sku}/reviews/{reviewId}/hide")
  ReviewView hide(
      @PathVariable String sku, @PathVariable String reviewId, @Valid @RequestBody Hide body) {
    return reviews
        .hide(sku, reviewId, body.reason().strip())
        .map(ReviewView::of)
        .orElseThrow(() -> ApiProblem.notFound("no review " + reviewId + " of " + sku));
  }

  private static String firstName(String name) {
    String first = name.strip().split("\\s+")[0];
    return first.isEmpty() ? "A shopper" : first;
  }

  /** Plain text as kept: without surrounding blanks and control characters (line breaks stay). */
  private static String plain(String text) {
    if (text == null) {
      return "";
    }
    return text.strip().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
  }
}
