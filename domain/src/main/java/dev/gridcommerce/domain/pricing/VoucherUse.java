package dev.gridcommerce.domain.pricing;

import java.time.Instant;
import java.util.Objects;

/**
 * One order's use of a voucher: held until {@code expiresAt} while the order is unpaid, or redeemed
 * once it is paid (a redeemed use doesn't expire).
 */
public record VoucherUse(String orderId, String shopperId, Instant expiresAt, boolean redeemed) {

  public VoucherUse {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the use still counts against the voucher's limits at {@code now}. */
  public boolean countsAt(Instant now) {
    return redeemed || now.isBefore(expiresAt);
  }
}
