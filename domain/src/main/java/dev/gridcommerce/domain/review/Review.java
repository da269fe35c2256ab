package dev.gridcommerce.domain.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One shopper's review of one product: a rating of 1 to 5, a title and a text, stored as plain text
 * as the shopper wrote it (whoever shows it escapes it). ADMIN may hide it, with a reason; other
 * shoppers may find it helpful, once each.
 *
 * @param hiddenReason why ADMIN hid it; null while it is shown
 */
public record Review(
    String id,
    String shopperId,
    String author,
    int rating,
    String title,
    String text,
    Instant createdAt,
    Instant updatedAt,
    String hiddenReason,
    Set<String> helpfulTo) {

  public static final int MAX_TITLE = 120;
  public static final int MAX_TEXT = 2_000;

  public Review {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("a rating is 1 to 5");
    }
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    if (title.length() > MAX_TITLE || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "a title has at most " + MAX_TITLE + " characters, a text " + MAX_TEXT);
    }
    helpfulTo = Set.copyOf(helpfulTo);
  }

  /** The same review as others judged it: hidden for a reason (or shown), and found helpful by. */
  public Review judged(String hiddenFor, Set<String> helpfulBy) {
    return new Review(
        id, shopperId, author, rating, title, text, createdAt, updatedAt, hiddenFor, helpfulBy);
  }

  public boolean isVisible() {
    return hiddenReason == null;
  }

  public int helpfulCount() {
    return helpfulTo.size();
  }
}
