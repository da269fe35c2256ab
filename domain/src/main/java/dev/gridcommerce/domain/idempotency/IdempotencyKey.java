package dev.gridcommerce.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A client's {@code Idempotency-Key}, scoped to the caller who sent it: two callers may use the
 * same key without meeting. The id derived from it names what the first request made (an order, a
 * stock movement), so a retry names the very same thing and changes nothing twice.
 *
 * @param owner who sent the key (a user id)
 * @param value the key as sent: 1 to {@value #MAX_LENGTH} visible ASCII characters
 */
public record IdempotencyKey(String owner, String value) {

  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    Objects.requireNonNull(owner, "owner");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "an Idempotency-Key is 1 to " + MAX_LENGTH + " visible ASCII characters");
    }
  }

  /** Whether a client's key can be used: 1 to 255 visible ASCII characters (spaces inside). */
  public static boolean isValid(String value) {
    return value != null
        && !value.isBlank()
        && value.length() <= MAX_LENGTH
        && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  /** The key with its owner, unique across callers. */
  public String scoped() {
    return owner + "\n" + value;
  }

  /** The id of what the key's first request made: the same key always derives the same id. */
  public String derivedId() {
    return UUID.nameUUIDFromBytes(scoped().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
