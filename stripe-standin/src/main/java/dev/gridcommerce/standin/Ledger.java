package dev.gridcommerce.standin;

import dev.gridcommerce.standin.Records.Charge;
import dev.gridcommerce.standin.Records.Intent;
import dev.gridcommerce.standin.Records.Refund;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * PaymentIntents, their charges and refunds, in memory, with Stripe's state machine for the test
 * payment methods: {@code pm_card_visa} and {@code pm_card_mastercard} succeed, {@code
 * pm_card_chargeDeclined} is declined, {@code pm_card_authenticationRequired} needs the shopper to
 * authenticate first ({@link #authenticate}). Each change reports its event ({@code
 * payment_intent.succeeded}, {@code charge.refunded} ...) to the listener. Not thread-safe: {@link
 * StandInServer} calls it under one lock.
 */
final class Ledger {

  private static final Set<String> SUCCEEDING = Set.of("pm_card_visa", "pm_card_mastercard");
  private static final String DECLINED = "pm_card_chargeDeclined";
  private static final String NEEDS_AUTHENTICATION = "pm_card_authenticationRequired";
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Map<String, Intent> intents = new LinkedHashMap<>();
  private final Map<String, Charge> charges = new HashMap<>();
  private final Map<String, Refund> refunds = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final BiConsumer<String, Map<String, Object>> events;

  /**
   * @param events told of every change: the event type and the object it is about
   */
  Ledger(Clock clock, BiConsumer<String, Map<String, Object>> events) {
    this.clock = clock;
    this.events = events;
  }

  String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append('_');
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  Map<String, Object> createIntent(FormParams params) {
    long amount = params.number("amount") == null ? -1 : params.number("amount");
    if (amount < 1) {
      throw StripeError.invalidParameter(
          params.string("amount") == null ? "parameter_missing" : "amount_too_small",
          "amount",
          "Amount must be at least 1 (in the currency's smallest unit).");
    }
    String currency = params.required("currency").toLowerCase(Locale.ROOT);
    if (!currency.matches("[a-z]{3}")) {
      throw StripeError.invalidParameter(
          "parameter_invalid", "currency", "Invalid currency: " + currency + ".");
    }
    String method = params.string("payment_method");
    if (method != null) {
      requireKnown(method);
    }
    String id = newId("pi");
    Intent intent =
        new Intent(
            id,
            amount,
            currency,
            id + "_secret_" + newId("s").substring(2),
            params.map("metadata"),
            "true".equals(params.map("automatic_payment_methods").get("enabled")),
            params.string("description"),
            now());
    intents.put(id, intent);
    events.accept("payment_intent.created", intent.json());
    intent.paymentMethod = method;
    if (method != null && params.flag("confirm")) {
      return confirm(intent, method);
    }
    return intent.json();
  }

  Map<String, Object> intent(String id) {
    return find(id).json();
  }

  /** A client secret matches its intent: what a browser may show with a publishable key. */
  boolean secretMatches(String intentId, String clientSecret) {
    Intent intent = intents.get(intentId);
    return intent != null && intent.clientSecret.equals(clientSecret);
  }

  Map<String, Object> confirm(String id, FormParams params) {
    Intent intent = find(id);
    String method = params.string("payment_method");
    return confirm(intent, method == null ? intent.paymentMethod : method);
  }

  private Map<String, Object> confirm(Intent intent, String method) {
    if (!Set.of("requires_payment_method", "requires_confirmation").contains(intent.status)) {
      throw StripeError.unexpectedState(intent.id, intent.status, "confirm");
    }
    if (method == null) {
      throw StripeError.invalidParameter(
          "payment_intent_unexpected_state",
          "payment_method",
          "You cannot confirm this PaymentIntent because it's missing a payment method.");
    }
    requireKnown(method);
    intent.paymentMethod = method;
    intent.lastPaymentError = null;
    if (SUCCEEDING.contains(method)) {
      succeed(intent);
    } else if (NEEDS_AUTHENTICATION.equals(method)) {
      intent.status = "requires_action";
      events.accept("payment_intent.requires_action", intent.json());
    } else {
      decline(intent);
      throw StripeError.cardDeclined(intent.json());
    }
    return intent.json();
  }

  private static void requireKnown(String method) {
    if (!SUCCEEDING.contains(method)
        && !DECLINED.equals(method)
        && !NEEDS_AUTHENTICATION.equals(method)) {
      throw StripeError.invalidParameter(
          "resource_missing", "payment_method", "No such PaymentMethod: '" + method + "'");
    }
  }

  /** The shopper's answer to the bank's challenge (3-D Secure) for an intent that requires it. */
  Map<String, Object> authenticate(String id, boolean passed) {
    Intent intent = find(id);
    if (!"requires_action".equals(intent.status)) {
      throw StripeError.unexpectedState(id, intent.status, "authenticate");
    }
    if (passed) {
      succeed(intent);
    } else {
      decline(intent);
    }
    return intent.json();
  }

  private void succeed(Intent intent) {
    Charge charge = new Charge(newId("ch"), intent, now());
    charges.put(charge.id, charge);
    intent.latestCharge = charge.id;
    intent.amountReceived = intent.amount;
    intent.status = "succeeded";
    events.accept("charge.succeeded", charge.json());
    events.accept("payment_intent.succeeded", intent.json());
  }

  private void decline(Intent intent) {
    intent.status = "requires_payment_method";
    intent.paymentMethod = null; // as at Stripe: the shopper picks another
    intent.lastPaymentError =
        Map.of(
            "type",
            "card_error",
            "code",
            "card_declined",
            "decline_code",
            "generic_decline",
            "message",
            "Your card was declined.");
    events.accept("payment_intent.payment_failed", intent.json());
  }

  Map<String, Object> cancel(String id, FormParams params) {
    Intent intent = find(id);
    if (Set.of("succeeded", "canceled").contains(intent.status)) {
      throw StripeError.unexpectedState(id, intent.status, "cancel");
    }
    intent.status = "canceled";
    intent.canceledAt = now();
    intent.cancellationReason =
        params.string("cancellation_reason") == null
            ? "requested_by_customer"
            : params.string("cancellation_reason");
    events.accept("payment_intent.canceled", intent.json());
    return intent.json();
  }

  Map<String, Object> refund(FormParams params) {
    Charge charge = chargeToRefund(params);
    long left = charge.intent.amount - charge.amountRefunded();
    if (left == 0) {
      throw StripeError.invalidRequest(
          400,
          "charge_already_refunded",
          null,
          "Charge " + charge.id + " has already been refunded.");
    }
    Long asked = params.number("amount");
    long amount = asked == null ? left : asked;
    if (amount < 1) {
      throw StripeError.invalidParameter(
          "amount_too_small", "amount", "Refund amount must be at least 1.");
    }
    if (amount > left) {
      throw StripeError.invalidRequest(
          400,
          "amount_too_large",
          "amount",
          "Refund amount ("
              + amount
              + ") is greater than unrefunded amount on charge ("
              + left
              + ")");
    }
    Refund refund =
        new Refund(
            newId("re"), charge, amount, params.string("reason"), params.map("metadata"), now());
    refunds.put(refund.id, refund);
    charge.refunds.add(refund);
    events.accept("refund.created", refund.json());
    events.accept("charge.refunded", charge.json());
    return refund.json();
  }

  private Charge chargeToRefund(FormParams params) {
    String intentId = params.string("payment_intent");
    String chargeId = params.string("charge");
    if (intentId == null && chargeId == null) {
      throw StripeError.invalidParameter(
          "parameter_missing", "payment_intent", "One of charge or payment_intent is required.");
    }
    if (chargeId != null) {
      Charge charge = charges.get(chargeId);
      if (charge == null) {
        throw StripeError.missing("charge", chargeId);
      }
      return charge;
    }
    Intent intent = find(intentId);
    if (intent.latestCharge == null) {
      throw StripeError.invalidRequest(
          400,
          "charge_not_refundable",
          "payment_intent",
          "This PaymentIntent (" + intentId + ") does not have a successful charge to refund.");
    }
    return charges.get(intent.latestCharge);
  }

  Map<String, Object> refundById(String id) {
    Refund refund = refunds.get(id);
    if (refund == null) {
      throw StripeError.missing("refund", id);
    }
    return refund.json();
  }

  Map<String, Object> charge(String id) {
    Charge charge = charges.get(id);
    if (charge == null) {
      throw StripeError.missing("charge", id);
    }
    return charge.json();
  }

  int intentCount() {
    return intents.size();
  }

  int refundCount() {
    return refunds.size();
  }

  /** The amounts refunded of the intent, one per refund, oldest first. */
  List<Long> refundsOf(String intentId) {
    return refunds.values().stream()
        .filter(refund -> refund.charge.intent.id.equals(intentId))
        .map(refund -> refund.amount)
        .toList();
  }

  private Intent find(String id) {
    Intent intent = intents.get(id);
    if (intent == null) {
      throw StripeError.missing("payment_intent", id);
    }
    return intent;
  }
}
