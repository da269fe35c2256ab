package dev.gridcommerce.api.cart;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holdFor at a store that reserves on add-to-cart: how long a cart line's units stay held
 *     after the cart's last change ({@code COMMERCE_CART_HOLD_FOR})
 */
@ConfigurationProperties("commerce.cart")
public record CartSettings(Duration holdFor) {

  public CartSettings {
    holdFor = holdFor == null ? Duration.ofMinutes(15) : holdFor;
  }
}
