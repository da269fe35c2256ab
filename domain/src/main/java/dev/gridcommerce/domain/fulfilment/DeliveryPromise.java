package dev.gridcommerce.domain.fulfilment;

import java.time.Duration;
import java.time.Instant;

/**
 * When an order placed now would arrive: the wait for the store's pickers to work through the
 * orders ahead of it (shared between the pickers on shift), its own picking, the handover and the
 * ride. {@code deliverable} is false when that passes the store's maximum, or nobody is picking
 * (the store is closed, or has no picker on shift: {@code staffed} false). {@code ahead} is the
 * queue it was made with.
 */
public record DeliveryPromise(
    PickQueue ahead,
    Duration queueWait,
    Duration picking,
    Duration handover,
    Duration ride,
    Duration total,
    Instant at,
    boolean deliverable,
    boolean staffed) {

  /**
   * The promise for an order of {@code lines} lines and {@code units} units, {@code distanceKm}
   * from the store, with {@code queue} ahead of it and {@code pickers} on shift.
   */
  public static DeliveryPromise estimate(
      PromiseTerms terms,
      PickQueue queue,
      int pickers,
      int lines,
      int units,
      double distanceKm,
      Instant now) {
    if (pickers < 0 || lines < 0 || units < 0 || distanceKm < 0) {
      throw new IllegalArgumentException("pickers, lines, units and distance can't be negative");
    }
    Duration picking = terms.pickTime(lines, units);
    Duration ride = terms.rideTime(distanceKm);
    Duration queueWait =
        pickers == 0 ? terms.maximum() : terms.pickTime(queue).dividedBy(Math.max(1, pickers));
    Duration total = queueWait.plus(picking).plus(terms.handover()).plus(ride);
    boolean deliverable = pickers > 0 && total.compareTo(terms.maximum()) <= 0;
    return new DeliveryPromise(
        queue,
        queueWait,
        picking,
        terms.handover(),
        ride,
        total,
        now.plus(total),
        deliverable,
        pickers > 0);
  }

  /** The promise in whole minutes, rounded up (a shopper is told "12 min", not "11.2"). */
  public long minutes() {
    return (total.toSeconds() + 59) / 60;
  }
}
