package dev.gridcommerce.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answered in Stripe's shape: {@code {"error": {"type", "code", "message", ...}}}. */
final class StripeError extends RuntimeException {

  private final int status;
  private final Map<String, Object> error;
  private final boolean ran;

  private StripeError(int status, Map<String, Object> error, boolean ran) {
    super(String.valueOf(error.get("message")), null, false, false);
    this.status = status;
    this.error = error;
    this.ran = ran;
  }

  private StripeError(int status, Map<String, Object> error) {
    this(status, error, true);
  }

  /**
   * A parameter missing or malformed: refused before the request ran, so, as at Stripe, nothing is
   * saved for its Idempotency-Key.
   */
  static StripeError invalidParameter(String code, String param, String message) {
    return new StripeError(400, invalidRequest(400, code, param, message).error, false);
  }

  static StripeError invalidRequest(int status, String code, String param, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "invalid_request_error");
    if (code != null) {
      error.put("code", code);
    }
    if (param != null) {
      error.put("param", param);
    }
    error.put("message", message);
    return new StripeError(status, error);
  }

  static StripeError missing(String kind, String id) {
    return invalidRequest(404, "resource_missing", "id", "No such " + kind + ": '" + id + "'");
  }

  static StripeError unexpectedState(String intentId, String status, String action) {
    return invalidRequest(
        400,
        "payment_intent_unexpected_state",
        null,
        "You cannot " + action + " this PaymentIntent because it has a status of " + status + ".");
  }

  static StripeError cardDeclined(Map<String, Object> intent) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "card_error");
    error.put("code", "card_declined");
    error.put("decline_code", "generic_decline");
    error.put("message", "Your card was declined.");
    error.put("payment_intent", intent);
    return new StripeError(402, error);
  }

  static StripeError idempotency(String key) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "idempotency_error");
    error.put(
        "message",
        "Keys for idempotent requests can only be used with the same parameters they were first"
            + " used with. Try using a key other than '"
            + key
            + "' if you meant to execute a different request.");
    return new StripeError(400, error);
  }

  static StripeError unauthorized() {
    return new StripeError(
        401, invalidRequest(401, null, null, "Invalid API Key provided.").error, false);
  }

  static StripeError apiError(int status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "api_error");
    error.put("message", message);
    return new StripeError(status, error, false);
  }

  /** Whether the request ran before it failed: then its answer is saved for its key. */
  boolean ran() {
    return ran;
  }

  int status() {
    return status;
  }

  Map<String, Object> body() {
    return Map.of("error", error);
  }
}
