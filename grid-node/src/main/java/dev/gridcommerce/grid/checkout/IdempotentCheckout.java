package dev.gridcommerce.grid.checkout;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.GridMaps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A checkout under an {@code Idempotency-Key}: the first request places the order; the same key
 * with the same request answers what the first one did (the same order, or the same short lines)
 * and holds nothing more; the same key with another request is a mismatch. A copy arriving while
 * the first still runs is told so; one arriving after the first died (its lease ran out) takes over
 * under the same order id, so nothing is held twice. Keys are kept 24 hours.
 *
 * <p>An answer that was not an outcome of the stock (an empty cart, an error) is forgotten, so the
 * shopper can fix the cause and retry under the same key.
 */
public final class IdempotentCheckout {

  /** How long one attempt may run before a retry may take it over. */
  static final Duration LEASE = Duration.ofSeconds(30);

  public enum Verdict {
    FRESH,
    RESUME,
    REPLAY,
    BUSY,
    MISMATCH
  }

  /** The answer to a checkout request under a key. */
  public sealed interface Answer {
    record Outcome(CheckoutOutcome outcome) implements Answer {}

    /** A request with this key is still being processed. */
    record Busy() implements Answer {}

    /** This key was used for a different request. */
    record Mismatch() implements Answer {}
  }

  private final GridMaps maps;
  private final Checkout checkout;
  private final Clock clock;

  public IdempotentCheckout(GridMaps maps, Checkout checkout, Clock clock) {
    this.maps = maps;
    this.checkout = checkout;
    this.clock = clock;
  }

  /** The order id a shopper's key stands for: the same key always places the same order. */
  public static String orderIdFor(String shopperId, String key) {
    return UUID.nameUUIDFromBytes((shopperId + "\n" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public Answer checkout(String shopperId, String key, String requestHash) {
    String attemptKey = shopperId + "\n" + key;
    String orderId = orderIdFor(shopperId, key);
    Instant now = clock.instant();
    IMap<String, CheckoutAttempt> attempts = maps.checkoutAttempts();
    String token = UUID.randomUUID().toString();
    Verdict verdict =
        Verdict.valueOf(
            attempts.executeOnKey(
                attemptKey,
                new BeginAttemptProcessor(requestHash, orderId, token, now, now.plus(LEASE))));
    return switch (verdict) {
      case MISMATCH -> new Answer.Mismatch();
      case BUSY -> new Answer.Busy();
      case REPLAY -> new Answer.Outcome(replay(attempts.get(attemptKey), shopperId));
      case FRESH ->
          new Answer.Outcome(run(attemptKey, requestHash, token, shopperId, orderId, false));
      case RESUME ->
          new Answer.Outcome(run(attemptKey, requestHash, token, shopperId, orderId, true));
    };
  }

  private CheckoutOutcome run(
      String attemptKey,
      String requestHash,
      String token,
      String shopperId,
      String orderId,
      boolean resuming) {
    CheckoutOutcome outcome;
    try {
      outcome = resuming ? checkout.resume(shopperId, orderId) : checkout.place(shopperId, orderId);
    } catch (RuntimeException e) {
      maps.checkoutAttempts().delete(attemptKey);
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
      case CheckoutOutcome.Refused refused -> maps.checkoutAttempts().delete(attemptKey);
    }
    return outcome;
  }

  private void remember(
      String attemptKey,
      String requestHash,
      String orderId,
      String token,
      CheckoutAttempt.State state,
      List<ShortLine> shortLines) {
    maps.checkoutAttempts()
        .set(
            attemptKey,
            new CheckoutAttempt(requestHash, orderId, token, state, clock.instant(), shortLines));
  }

  private CheckoutOutcome replay(CheckoutAttempt attempt, String shopperId) {
    if (attempt.state() == CheckoutAttempt.State.SHORT) {
      return new CheckoutOutcome.Short(attempt.shortLines());
    }
    Order order = maps.orders().get(attempt.orderId());
    return order != null && order.shopperId().equals(shopperId)
        ? new CheckoutOutcome.Placed(order)
        : new CheckoutOutcome.Refused("the order this key placed can't be found");
  }
}
