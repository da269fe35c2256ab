package dev.gridcommerce.domain.checkout;

import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A shopper's request to check out their cart.
 *
 * @param key the client's Idempotency-Key, or null for a request that is not to be repeated
 * @param deliverTo where the order goes, or null; when given, the cart's store must deliver there
 */
public record CheckoutRequest(String shopperId, IdempotencyKey key, GeoPoint deliverTo) {

  public CheckoutRequest {
    Objects.requireNonNull(shopperId, "shopperId");
    if (key != null && !key.owner().equals(shopperId)) {
      throw new IllegalArgumentException("an Idempotency-Key belongs to the shopper who sent it");
    }
  }

  /** A stable fingerprint of what was asked (not who asked), to tell a retry from a new request. */
  public String fingerprint() {
    // the text fingerprinted before this type existed, so keys remembered then still match
    String asked = "CheckoutRequest[deliverTo=" + deliverTo + "]";
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(asked.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
