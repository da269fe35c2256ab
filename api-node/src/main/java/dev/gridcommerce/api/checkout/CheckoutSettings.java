package dev.gridcommerce.api.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holdFor how long a checkout holds stock while the shopper pays ({@code
 *     COMMERCE_CHECKOUT_HOLD_FOR})
 */
@ConfigurationProperties("commerce.checkout")
public record CheckoutSettings(Duration holdFor) {

  public CheckoutSettings {
    holdFor = holdFor == null ? Duration.ofMinutes(10) : holdFor;
  }
}
