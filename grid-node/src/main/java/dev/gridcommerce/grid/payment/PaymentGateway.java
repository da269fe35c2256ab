package dev.gridcommerce.grid.payment;

import dev.gridcommerce.domain.catalog.Money;

/**
 * The payment provider as orders need it: one PaymentIntent per order (asking again for the same
 * order answers the same intent), its state, its cancellation, and the order's refunds. Every call
 * has a timeout; a provider that can't be reached, or answers 5xx after the client's retries, is
 * {@link PaymentUnavailable}; one that refuses the request is {@link PaymentRefused}.
 */
public interface PaymentGateway {

  /** A PaymentIntent: what the shopper's browser needs to pay it, and where it stands. */
  record Intent(String id, String clientSecret, String status, Money amount, String orderId) {

    public boolean succeeded() {
      return "succeeded".equals(status);
    }
  }

  /** A refund of (part of) an order's payment. */
  record Refund(String id, Money amount, String status) {}

  /** The provider's name on payment references ({@code stripe}). */
  String provider();

  /** The key a browser pays with (Stripe's publishable key). */
  String publishableKey();

  /**
   * The order's PaymentIntent for its total, made on the first call and the same on every other.
   */
  Intent intentFor(String orderId, String shopperId, Money total);

  Intent intent(String intentId);

  /** Cancels an intent nobody paid; refused when it was paid or cancelled already. */
  Intent cancel(String intentId);

  /**
   * Refunds {@code amount} of the order's payment, of which {@code alreadyRefunded} was refunded
   * before: once for each such state (the key names both), so a refund asked again, by any node, is
   * the same refund (within the 24 hours Stripe keeps a key), and a later one is another.
   */
  Refund refund(String orderId, String intentId, Money amount, Money alreadyRefunded);

  /**
   * How much of the intent's payment the provider has refunded in all (zero if none, or unpaid).
   */
  Money refunded(String intentId);
}
