package dev.gridcommerce.api.payment;

import dev.gridcommerce.grid.payment.StripeGateway;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe on the API node, from the environment only: {@code secretKey} ({@code STRIPE_SECRET_KEY})
 * and {@code publishableKey} ({@code STRIPE_PUBLISHABLE_KEY}) to start payments at {@code apiBase}
 * ({@code STRIPE_API_BASE}: Stripe, or the stand-in); {@code webhookSecret} ({@code
 * STRIPE_WEBHOOK_SECRET}) verifies the webhook's signature, and a signature older than {@code
 * webhookTolerance} is refused. Every call to Stripe connects within {@code connectTimeout} and is
 * answered within {@code readTimeout}, else it is retried (twice) and then taken as unavailable.
 * {@code browserApiBase} ({@code STRIPE_BROWSER_API_BASE}) is where a shopper's browser reaches the
 * stand-in, when payments go to one (default: {@code apiBase}); Stripe.js knows Stripe's own.
 */
@ConfigurationProperties("commerce.payments.stripe")
public record StripeSettings(
    String secretKey,
    String publishableKey,
    String apiBase,
    String webhookSecret,
    Duration webhookTolerance,
    Duration connectTimeout,
    Duration readTimeout,
    String browserApiBase) {

  public StripeSettings {
    if (webhookTolerance == null || webhookTolerance.toSeconds() < 1) {
      // stripe-java checks a signature's age only for a tolerance of a second or more
      throw new IllegalArgumentException(
          "commerce.payments.stripe.webhook-tolerance must be at least 1s: " + webhookTolerance);
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    if (!connectTimeout.isPositive() || !readTimeout.isPositive()) {
      throw new IllegalArgumentException("Stripe's connect and read timeouts are positive");
    }
  }

  /**
   * Where the shopper's browser confirms a payment when it isn't Stripe itself (the stand-in);
   * empty for Stripe.
   */
  Optional<String> standInForBrowsers() {
    return gateway()
        .map(StripeGateway.Settings::apiBase)
        .filter(base -> !base.equals(StripeGateway.Settings.STRIPE_API))
        .map(base -> browserApiBase == null || browserApiBase.isBlank() ? base : browserApiBase);
  }

  boolean receivesWebhooks() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }

  /** The gateway's settings, when a secret key is set. */
  Optional<StripeGateway.Settings> gateway() {
    if (secretKey == null || secretKey.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new StripeGateway.Settings(
            secretKey.strip(),
            publishableKey == null ? "" : publishableKey.strip(),
            apiBase == null || apiBase.isBlank()
                ? StripeGateway.Settings.STRIPE_API
                : apiBase.strip(),
            connectTimeout,
            readTimeout,
            2));
  }
}
