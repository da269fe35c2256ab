package dev.gridcommerce.grid.checkout;

import java.time.Duration;

/**
 * @param holdFor how long a checkout holds stock while the shopper pays
 * @param cartHoldFor how long a cart holds stock at a store that reserves on add-to-cart, from the
 *     cart's last change
 */
public record CheckoutPolicy(Duration holdFor, Duration cartHoldFor) {

  public static final CheckoutPolicy DEFAULT =
      new CheckoutPolicy(Duration.ofMinutes(10), Duration.ofMinutes(15));

  public CheckoutPolicy {
    if (!holdFor.isPositive() || !cartHoldFor.isPositive()) {
      throw new IllegalArgumentException("hold times must be positive");
    }
  }
}
