package dev.gridcommerce.domain.inventory;

import java.time.Instant;
import java.util.Objects;

/** Units of one stock entry set aside for an unpaid order until {@code expiresAt}. */
public record Hold(String orderId, int quantity, Instant expiresAt) {

  public Hold {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a hold is for at least one unit");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
