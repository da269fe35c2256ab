package dev.gridcommerce.grid.payment;

/** The payment provider could not be reached, or failed, after the client's retries. */
public final class PaymentUnavailable extends RuntimeException {

  public PaymentUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
