package dev.gridcommerce.api.checkout;

import dev.gridcommerce.grid.checkout.CheckoutPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holdFor how long a checkout holds stock while the shopper pays
 * @param cartHoldFor how long a cart holds stock at a store that reserves on add-to-cart
 */
@ConfigurationProperties("commerce.checkout")
public record CheckoutSettings(Duration holdFor, Duration cartHoldFor) {

  public CheckoutSettings {
    holdFor = holdFor == null ? CheckoutPolicy.DEFAULT.holdFor() : holdFor;
    cartHoldFor = cartHoldFor == null ? CheckoutPolicy.DEFAULT.cartHoldFor() : cartHoldFor;
  }

  public CheckoutPolicy policy() {
    return new CheckoutPolicy(holdFor, cartHoldFor);
  }
}
