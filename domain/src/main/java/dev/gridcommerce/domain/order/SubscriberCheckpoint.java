package dev.gridcommerce.domain.order;

import java.time.Instant;
import java.util.Objects;

/**
 * How far one durable subscriber of order events has got, and who reads for it now.
 *
 * @param position the last position of the event log the subscriber has handled
 * @param holder the instance that reads for the subscriber until {@code leaseUntil} ("" for none):
 *     one instance at a time, so the subscriber sees its events in order
 */
public record SubscriberCheckpoint(long position, String holder, Instant leaseUntil) {

  public SubscriberCheckpoint {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    if (position < 0) {
      throw new IllegalArgumentException("a log position is never negative");
    }
  }

  /** Whether {@code instance} may read for the subscriber at {@code now}. */
  public boolean isFreeFor(String instance, Instant now) {
    return holder.equals(instance) || holder.isEmpty() || !leaseUntil.isAfter(now);
  }
}
