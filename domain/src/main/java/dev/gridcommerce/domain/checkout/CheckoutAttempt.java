package dev.gridcommerce.domain.checkout;

import java.time.Instant;
import java.util.List;

/**
 * What is remembered of a checkout made under an {@code Idempotency-Key}: a hash of the request,
 * the order id it places, and how it ended (or that it is still running, until {@code leaseUntil},
 * after which a retry may take it over). {@code token} names the one request that runs it, so that
 * request's own retried call (a client redoing an operation whose member died) is not mistaken for
 * a competing copy.
 */
public record CheckoutAttempt(
    String requestHash,
    String orderId,
    String token,
    State state,
    Instant leaseUntil,
    List<ShortLine> shortLines) {

  public enum State {
    IN_PROGRESS,
    PLACED,
    SHORT
  }

  public CheckoutAttempt {
    shortLines = List.copyOf(shortLines);
  }
}
