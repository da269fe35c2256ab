package dev.gridcommerce.api.payment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a shopper's browser needs to pay: the provider and its publishable key (Stripe.js's Payment
 * Element takes it with the order's client secret) and, when payments go to the project's Stripe
 * stand-in rather than Stripe, the stand-in's address, where the shop confirms the same way
 * Stripe.js would. Public: nothing here is secret.
 */
@RestController
class PaymentSetupController {

  private final StripeSettings stripe;

  PaymentSetupController(StripeSettings stripe) {
    this.stripe = stripe;
  }

  /**
   * {@code provider} is {@code stripe}, or {@code none} when this node takes no payments (orders
   * are then placed unpaid); {@code standInApiBase} is null for Stripe itself.
   */
  record BrowserPayments(String provider, String publishableKey, String standInApiBase) {}

  @GetMapping("/api/v1/payments/setup")
  BrowserPayments setup() {
    return stripe
        .gateway()
        .map(gateway ->
            new BrowserPayments(
                "stripe", gateway.publishableKey(), stripe.standInForBrowsers().orElse(null)))
        .orElse(new BrowserPayments("none", null, null));
  }
}
