package dev.gridcommerce.grid.payment;

/** The payment provider refused the request (a 4xx): asking again the same way won't help. */
public final class PaymentRefused extends RuntimeException {

  private final String code;

  public PaymentRefused(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The provider's error code ({@code payment_intent_unexpected_state} ...), or null. */
  public String code() {
    return code;
  }
}
