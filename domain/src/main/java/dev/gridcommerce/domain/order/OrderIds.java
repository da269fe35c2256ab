package dev.gridcommerce.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Order ids: version 7 UUIDs (RFC 9562), whose first 48 bits are the millisecond the id was made,
 * taken from the checkout's clock; the other 74 bits are random. An id so tells its own age, which
 * lets the grid answer "no such order" for a fresh id without asking PostgreSQL: an order stays in
 * the grid at least {@link #NEVER_ONLY_STORED_WITHIN} after it was made (a closed order leaves it
 * only after the closed-order retention, which members refuse to set shorter), so an id younger
 * than that which the grid hasn't got names no order at all.
 */
public final class OrderIds {

  /** How long after its id was made an order is certainly in the grid if it exists at all. */
  public static final Duration NEVER_ONLY_STORED_WITHIN = Duration.ofMinutes(5);

  private static final int VERSION = 7;

  private OrderIds() {}

  /** A new order id made at {@code now}. */
  public static String next(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = now.toEpochMilli();
    long high = (millis << 16) | ((long) VERSION << 12) | (random.nextLong() & 0xfffL);
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** When an id made by {@link #next} was made; empty for any other id (older ids, test ids). */
  public static Optional<Instant> madeAt(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uuid.version() != VERSION || uuid.variant() != 2) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16));
  }

  /**
   * Whether an order with this id, missing from the grid at {@code now}, may still be stored in
   * PostgreSQL (a closed order that left the grid, or any id not made here): only then is it worth
   * a query.
   */
  public static boolean mayBeStoredOnly(String id, Instant now) {
    return madeAt(id).map(made -> made.isBefore(now.minus(NEVER_ONLY_STORED_WITHIN))).orElse(true);
  }
}
