package dev.gridcommerce.grid.checkout;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutOutcome.Refusal;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkout under an {@code Idempotency-Key}: the first request places the order; the same key
 * with the same request answers what the first one did (the same order, or the same short lines)
 * and holds nothing more; the same key with another request is a mismatch. A copy arriving while
 * the first still runs is told so; one arriving after the first died (its lease ran out) takes over
 * under the same order id, so nothing is held twice. Keys are kept as long as the {@code
 * checkout-attempts} map keeps them (a day).
 *
 * <p>An answer that was not an outcome of the stock (an empty cart) is forgotten, so the shopper
 * can fix the cause and retry under the same key; an attempt that failed midway is resumed by the
 * next retry.
 */
final class IdempotentCheckout {

  private static final Logger log = LoggerFactory.getLogger(IdempotentCheckout.class);

  /** How long one attempt may run before a retry may take it over. */
  static final Duration LEASE = Duration.ofSeconds(30);

  enum Verdict {
    FRESH,
    RESUME,
    REPLAY,
    BUSY,
    MISMATCH
  }

  private final IMap<String, CheckoutAttempt> attempts;
  private final CartCheckout checkout;
  private final Orders orders;
  private final Clock clock;

  IdempotentCheckout(
      IMap<String, CheckoutAttempt> attempts, CartCheckout checkout, Orders orders, Clock clock) {
    this.attempts = attempts;
    this.checkout = checkout;
    this.orders = orders;
    this.clock = clock;
  }

  CheckoutOutcome checkout(CheckoutRequest request) {
    IdempotencyKey key = request.key();
    String attemptKey = key.scoped();
    String orderId = key.derivedId();
    String requestHash = request.fingerprint();
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    Verdict verdict =
        begin(
            attemptKey,
            new BeginAttemptProcessor(requestHash, orderId, token, now, now.plus(LEASE)));
    return switch (verdict) {
      case MISMATCH -> new CheckoutOutcome.KeyReused();
      case BUSY -> new CheckoutOutcome.InProgress();
      case REPLAY -> replay(attempts.get(attemptKey), request.shopperId());
      case FRESH -> run(attemptKey, requestHash, token, request, orderId, false);
      case RESUME -> run(attemptKey, requestHash, token, request, orderId, true);
    };
  }

  /**
   * Starts the attempt; when the grid can't confirm that the start was stored on both replicas (a
   * member died), the same start is sent again: carrying this request's token, it is recognised as
   * this request's own and not taken for a competing copy.
   */
  private Verdict begin(String attemptKey, BeginAttemptProcessor start) {
    for (int tries = 1; ; tries++) {
      try {
        return Verdict.valueOf(attempts.executeOnKey(attemptKey, start));
      } catch (IndeterminateOperationStateException e) {
        if (tries == 3) {
          throw e;
        }
      }
    }
  }

  private CheckoutOutcome run(
      String attemptKey,
      String requestHash,
      String token,
      CheckoutRequest request,
      String orderId,
      boolean resuming) {
    CheckoutOutcome outcome;
    try {
      outcome =
          resuming
              ? checkout.resume(request.shopperId(), orderId, request.deliverTo())
              : checkout.place(request.shopperId(), orderId, request.deliverTo());
    } catch (RuntimeException e) {
      interrupted(attemptKey, requestHash, orderId, token);
      throw e;
    }
    switch (outcome) {
      case CheckoutOutcome.Placed placed ->
          remember(
              attemptKey, requestHash, orderId, token, CheckoutAttempt.State.PLACED, List.of());
      case CheckoutOutcome.Short shortOf ->
          remember(
              attemptKey,
              requestHash,
              orderId,
              token,
              CheckoutAttempt.State.SHORT,
              shortOf.shortLines());
      default -> attempts.delete(attemptKey);
    }
    return outcome;
  }

  /**
   * The attempt failed midway (it may have held stock, or even placed the order): its lease ends
   * now, so the shopper's retry under the same key resumes it at once, holding nothing twice and
   * finding an order already placed. Best effort: if even this fails, the lease runs out anyway.
   */
  private void interrupted(String attemptKey, String requestHash, String orderId, String token) {
    try {
      attempts.set(
          attemptKey,
          new CheckoutAttempt(
              requestHash,
              orderId,
              token,
              CheckoutAttempt.State.IN_PROGRESS,
              clock.instant(),
              List.of()));
    } catch (RuntimeException e) {
      log.debug("attempt {} stays leased until it runs out: {}", orderId, e.toString());
    }
  }

  private void remember(
      String attemptKey,
      String requestHash,
      String orderId,
      String token,
      CheckoutAttempt.State state,
      List<ShortLine> shortLines) {
    attempts.set(
        attemptKey,
        new CheckoutAttempt(requestHash, orderId, token, state, clock.instant(), shortLines));
  }

  private CheckoutOutcome replay(CheckoutAttempt attempt, String shopperId) {
    if (attempt.state() == CheckoutAttempt.State.SHORT) {
      return new CheckoutOutcome.Short(attempt.shortLines());
    }
    return orders
        .ofShopper(shopperId, attempt.orderId())
        .<CheckoutOutcome>map(CheckoutOutcome.Placed::new)
        .orElseGet(() ->
            new CheckoutOutcome.Refused(
                Refusal.ORDER_GONE, "the order this key placed can't be found"));
  }
}
