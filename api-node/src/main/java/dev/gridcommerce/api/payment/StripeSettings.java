package dev.gridcommerce.api.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe on the API node: {@code webhookSecret} ({@code STRIPE_WEBHOOK_SECRET}, from the
 * environment only) verifies the webhook's signature; a signature older than {@code
 * webhookTolerance} is refused.
 */
@ConfigurationProperties("commerce.payments.stripe")
public record StripeSettings(String webhookSecret, Duration webhookTolerance) {

  public StripeSettings {
    if (webhookTolerance == null || webhookTolerance.toSeconds() < 1) {
      // stripe-java checks a signature's age only for a tolerance of a second or more
      throw new IllegalArgumentException(
          "commerce.payments.stripe.webhook-tolerance must be at least 1s: " + webhookTolerance);
    }
  }

  boolean receivesWebhooks() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }
}
