package dev.gridcommerce.grid.checkout;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutOutcome.Refusal;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.order.OrderIds;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.Futures;
import dev.gridcommerce.grid.support.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkout under an {@code Idempotency-Key}: the first request places the order; the same key
 * with the same request answers what the first one did (the same order, or the same short lines)
 * and holds nothing more; the same key with another request is a mismatch. Keys are kept as long as
 * the {@code checkout-attempts} map keeps them (a day).
 *
 * <p>A copy arriving while the first still runs is told so. A run that fails (a member died under
 * it) marks its attempt interrupted before its caller hears of the failure, trying until the grid
 * takes the mark, so the caller's retry finds the key free at once and resumes the attempt under
 * its order id: it answers the order if one was placed, or places it, holding nothing twice. A run
 * whose API node died holds the key until its lease ({@value #LEASE_SECONDS} s) runs out; a run
 * that outlives its own lease acts no more (another may have taken over).
 *
 * <p>An answer that was not an outcome of the stock (an empty cart) is forgotten, so the shopper
 * can fix the cause and retry under the same key.
 */
final class IdempotentCheckout {

  private static final Logger log = LoggerFactory.getLogger(IdempotentCheckout.class);

  static final long LEASE_SECONDS = 10;

  /** How long one attempt may run before a retry may take it over. */
  static final Duration LEASE = Duration.ofSeconds(LEASE_SECONDS);

  /** A run stops acting this long before its lease ends, against clocks a little apart. */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

  /** How long a failed run keeps trying to mark its attempt interrupted. */
  static final Duration INTERRUPT_PATIENCE = Duration.ofSeconds(15);

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

  /**
   * Reads the cart while the attempt starts (two calls at once), then runs the checkout: holds, the
   * order, and the cart emptied while the attempt records its end.
   */
  CheckoutOutcome checkout(CheckoutRequest request) {
    IdempotencyKey key = request.key();
    String attemptKey = key.scoped();
    String requestHash = request.fingerprint();
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    Instant leaseUntil = now.plus(LEASE);
    CompletableFuture<Cart> cart = checkout.cartOf(request.shopperId());
    Run run = new Run(attemptKey, token, leaseUntil.minus(LEASE_MARGIN));
    String proposedId = OrderIds.next(now);
    AttemptStart start;
    try {
      start =
          begin(
              attemptKey,
              new BeginAttemptProcessor(requestHash, proposedId, token, now, leaseUntil));
    } catch (RuntimeException e) {
      interrupted(run, proposedId); // the start may have landed: it must not keep the key busy
      throw e;
    }
    return switch (start.verdict()) {
      case MISMATCH -> new CheckoutOutcome.KeyReused();
      case BUSY -> new CheckoutOutcome.InProgress();
      case REPLAY -> replay(attempts.get(attemptKey), request.shopperId());
      case FRESH, RESUME ->
          run(run, request, start.orderId(), cart, start.verdict() == Verdict.RESUME);
    };
  }

  /**
   * One run of an attempt: its key, the token that proves it owns it, and until when it may act.
   */
  private record Run(String attemptKey, String token, Instant actUntil) {}

  /**
   * Starts the attempt; when the grid can't confirm that the start was stored on both replicas (a
   * member died), the same start is sent again: carrying this request's token, it is recognised as
   * this request's own and not taken for a competing copy.
   */
  private AttemptStart begin(String attemptKey, BeginAttemptProcessor start) {
    for (int tries = 1; ; tries++) {
      try {
        return attempts.executeOnKey(attemptKey, Tracing.step(start));
      } catch (IndeterminateOperationStateException e) {
        if (tries == 3) {
          throw e;
        }
      }
    }
  }

  private CheckoutOutcome run(
      Run run,
      CheckoutRequest request,
      String orderId,
      CompletableFuture<Cart> cart,
      boolean resuming) {
    try {
      CartCheckout.Placing placing =
          new CartCheckout.Placing(
              request.shopperId(),
              orderId,
              request.deliverTo(),
              Futures.join(cart),
              run.actUntil(),
              () -> settle(run, SettleAttemptProcessor.End.PLACED, List.of()));
      CheckoutOutcome outcome = resuming ? checkout.resume(placing) : checkout.place(placing);
      switch (outcome) {
        case CheckoutOutcome.Placed placed -> {} // recorded while the cart was emptied
        case CheckoutOutcome.InProgress inProgress -> {} // this run outlived its lease
        case CheckoutOutcome.Short shortOf ->
            Futures.join(settle(run, SettleAttemptProcessor.End.SHORT, shortOf.shortLines()));
        default -> Futures.join(settle(run, SettleAttemptProcessor.End.FORGOTTEN, List.of()));
      }
      return outcome;
    } catch (RuntimeException e) {
      interrupted(run, orderId);
      throw e;
    }
  }

  private CompletableFuture<Boolean> settle(
      Run run, SettleAttemptProcessor.End end, List<ShortLine> shortLines) {
    return attempts
        .submitToKey(
            run.attemptKey(),
            Tracing.step(new SettleAttemptProcessor(run.token(), end, shortLines, clock.instant())))
        .toCompletableFuture();
  }

  /**
   * The run failed midway (it may have held stock, or even placed the order): its lease ends now,
   * so the shopper's retry under the same key resumes it at once. Tried until the grid takes it (a
   * member that died is replaced within seconds) or for {@link #INTERRUPT_PATIENCE}; after that the
   * lease runs out by itself.
   */
  private void interrupted(Run run, String orderId) {
    Instant giveUpAt = clock.instant().plus(INTERRUPT_PATIENCE);
    while (true) {
      try {
        Futures.join(settle(run, SettleAttemptProcessor.End.INTERRUPTED, List.of()));
        return;
      } catch (RuntimeException e) {
        if (!clock.instant().isBefore(giveUpAt)) {
          log.warn("attempt {} stays leased until it runs out: {}", orderId, e.toString());
          return;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while marking an attempt", e);
    }
  }

  private CheckoutOutcome replay(CheckoutAttempt attempt, String shopperId) {
    if (attempt == null) {
      return new CheckoutOutcome.InProgress(); // it expired just now: a retry starts afresh
    }
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
