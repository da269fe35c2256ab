package dev.gridcommerce.domain.notification;

import dev.gridcommerce.domain.order.OrderEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The delivery of one order event to one webhook subscription, with every attempt (successes too):
 * what the receiver answered, or why nothing was answered, and how long it took.
 */
public record WebhookDelivery(
    String subscriptionId,
    String eventId,
    String orderId,
    long seq,
    OrderEventType type,
    Status status,
    List<Attempt> attempts) {

  /** Where a delivery stands. */
  public enum Status {
    /** Not yet answered 2xx; tried again later. */
    RETRYING,
    /** Answered 2xx. */
    DELIVERED,
    /** Answered a 4xx that trying again won't change (not 408 or 429). */
    REFUSED,
    /** Still failing after the time deliveries are tried for. */
    GAVE_UP
  }

  /**
   * One attempt: the HTTP status (0 when none came: a timeout, a refused connection, a URL no
   * longer allowed) and, without one, why.
   */
  public record Attempt(Instant at, int status, String error, long millis) {
    public Attempt {
      Objects.requireNonNull(at, "at");
      error = error == null ? "" : error;
    }

    public boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  public WebhookDelivery {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(status, "status");
    attempts = List.copyOf(attempts);
  }

  /** The key of a delivery in the log. */
  public static String key(String subscriptionId, String eventId) {
    return subscriptionId + ":" + eventId;
  }

  public boolean isDone() {
    return status != Status.RETRYING;
  }

  public Instant firstAttemptAt() {
    return attempts.isEmpty() ? null : attempts.getFirst().at();
  }

  /**
   * This delivery with one more attempt, and where that leaves it: a delivered one stays delivered
   * (a failed redelivery doesn't undo it). The first attempt and the last {@value #KEPT_ATTEMPTS}
   * are kept; older ones in between are dropped.
   */
  public WebhookDelivery with(Attempt attempt, Status next) {
    List<Attempt> all = new ArrayList<>(attempts);
    all.add(attempt);
    if (all.size() > KEPT_ATTEMPTS + 1) {
      all.remove(1);
    }
    Status status = this.status == Status.DELIVERED ? Status.DELIVERED : next;
    return new WebhookDelivery(subscriptionId, eventId, orderId, seq, type, status, all);
  }

  /** How many of the latest attempts a delivery keeps (besides its first). */
  public static final int KEPT_ATTEMPTS = 49;
}
