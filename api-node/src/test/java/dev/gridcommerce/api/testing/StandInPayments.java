package dev.gridcommerce.api.testing;

import dev.gridcommerce.standin.StripeStandIn;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The API node's Stripe settings pointing at a stand-in, for tests whose orders are paid. */
public final class StandInPayments {

  private StandInPayments() {}

  public static void register(DynamicPropertyRegistry registry, StripeStandIn standIn) {
    registry.add("commerce.payments.stripe.secret-key", () -> standIn.settings().secretKey());
    registry.add(
        "commerce.payments.stripe.publishable-key", () -> standIn.settings().publishableKey());
    registry.add("commerce.payments.stripe.api-base", standIn::apiBase);
    registry.add(
        "commerce.payments.stripe.webhook-secret", () -> standIn.settings().webhookSecret());
  }

  /** Tells the stand-in to deliver its webhooks to the API node on {@code port}. */
  public static void deliverTo(StripeStandIn standIn, int port) {
    standIn.webhooks().deliverTo("http://localhost:" + port + "/api/v1/payments/stripe/webhook");
  }
}
