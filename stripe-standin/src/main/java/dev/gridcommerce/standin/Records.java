package dev.gridcommerce.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the stand-in keeps, mutable and guarded by {@link Ledger}'s lock, and their JSON in
 * Stripe's shape (the fields the project and stripe-java read, with Stripe's names).
 */
final class Records {

  private Records() {}

  static final class Intent {
    final String id;
    final long amount;
    final String currency;
    final String clientSecret;
    final Map<String, String> metadata;
    final boolean automaticPaymentMethods;
    final String description;
    final long created;
    String status = "requires_payment_method";
    String paymentMethod;
    String latestCharge;
    long amountReceived;
    Map<String, Object> lastPaymentError;
    Long canceledAt;
    String cancellationReason;

    Intent(
        String id,
        long amount,
        String currency,
        String clientSecret,
        Map<String, String> metadata,
        boolean automaticPaymentMethods,
        String description,
        long created) {
      this.id = id;
      this.amount = amount;
      this.currency = currency;
      this.clientSecret = clientSecret;
      this.metadata = metadata;
      this.automaticPaymentMethods = automaticPaymentMethods;
      this.description = description;
      this.created = created;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("object", "payment_intent");
      json.put("amount", amount);
      json.put("amount_capturable", 0);
      json.put("amount_received", amountReceived);
      json.put(
          "automatic_payment_methods",
          automaticPaymentMethods ? Map.of("allow_redirects", "always", "enabled", true) : null);
      json.put("canceled_at", canceledAt);
      json.put("cancellation_reason", cancellationReason);
      json.put("capture_method", "automatic");
      json.put("client_secret", clientSecret);
      json.put("confirmation_method", "automatic");
      json.put("created", created);
      json.put("currency", currency);
      json.put("description", description);
      json.put("last_payment_error", lastPaymentError);
      json.put("latest_charge", latestCharge);
      json.put("livemode", false);
      json.put("metadata", metadata);
      json.put(
          "next_action",
          "requires_action".equals(status) ? Map.of("type", "use_stripe_sdk") : null);
      json.put("payment_method", paymentMethod);
      json.put("payment_method_types", List.of("card"));
      json.put("status", status);
      return json;
    }
  }

  static final class Charge {
    final String id;
    final Intent intent;
    final long created;
    final List<Refund> refunds = new ArrayList<>();

    Charge(String id, Intent intent, long created) {
      this.id = id;
      this.intent = intent;
      this.created = created;
    }

    long amountRefunded() {
      return refunds.stream().mapToLong(refund -> refund.amount).sum();
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("object", "charge");
      json.put("amount", intent.amount);
      json.put("amount_captured", intent.amount);
      json.put("amount_refunded", amountRefunded());
      json.put("captured", true);
      json.put("created", created);
      json.put("currency", intent.currency);
      json.put("livemode", false);
      json.put("metadata", intent.metadata);
      json.put("paid", true);
      json.put("payment_intent", intent.id);
      json.put("payment_method", intent.paymentMethod);
      json.put("refunded", amountRefunded() == intent.amount);
      json.put(
          "refunds",
          Map.of(
              "object",
              "list",
              "data",
              refunds.stream().map(Refund::json).toList(),
              "has_more",
              false,
              "url",
              "/v1/charges/" + id + "/refunds"));
      json.put("status", "succeeded");
      return json;
    }
  }

  static final class Refund {
    final String id;
    final Charge charge;
    final long amount;
    final String reason;
    final Map<String, String> metadata;
    final long created;

    Refund(
        String id,
        Charge charge,
        long amount,
        String reason,
        Map<String, String> metadata,
        long created) {
      this.id = id;
      this.charge = charge;
      this.amount = amount;
      this.reason = reason;
      this.metadata = metadata;
      this.created = created;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("object", "refund");
      json.put("amount", amount);
      json.put("charge", charge.id);
      json.put("created", created);
      json.put("currency", charge.intent.currency);
      json.put("metadata", metadata);
      json.put("payment_intent", charge.intent.id);
      json.put("reason", reason);
      json.put("status", "succeeded");
      return json;
    }
  }
}
