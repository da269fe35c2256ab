package dev.gridcommerce.domain.order;

import java.util.Objects;

/**
 * The payment that paid an order, as the payment provider names it (for Stripe, the PaymentIntent's
 * id).
 */
public record PaymentReference(String provider, String id) {

  public PaymentReference {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    if (provider.isBlank() || id.isBlank()) {
      throw new IllegalArgumentException("a payment reference names a provider and an id");
    }
  }
}
