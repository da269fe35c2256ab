package dev.gridcommerce.domain.fulfilment;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a dark store takes, for promising a delivery time: picking and packing an order ({@code
 * perOrder}, plus {@code perLine} for each line and {@code perUnit} for each unit), the ride at
 * {@code riderKmh}, and {@code handover} (the bag to the rider, the rider to the door). A store
 * doesn't take an order it can't deliver within {@code maximum}.
 *
 * <p>The defaults start from public reports of quick-commerce stores (packing 75 s to 2.5 min an
 * order, riders at about 15 km/h, a 2-3 km radius): values to tune per store. The handover's 5
 * minutes come from the simulated day ({@code bin/bench --day}): with 2 minutes, waiting for a
 * rider and batched drop-offs made two deliveries in three late.
 */
public record PromiseTerms(
    Duration perOrder,
    Duration perLine,
    Duration perUnit,
    double riderKmh,
    Duration handover,
    Duration maximum) {

  public static final PromiseTerms DEFAULT =
      new PromiseTerms(
          Duration.ofSeconds(75),
          Duration.ofSeconds(10),
          Duration.ofSeconds(3),
          15.0,
          Duration.ofMinutes(5),
          Duration.ofMinutes(30));

  public PromiseTerms {
    for (Duration part : new Duration[] {perOrder, perLine, perUnit, handover, maximum}) {
      Objects.requireNonNull(part, "every duration of the promise terms");
      if (part.isNegative()) {
        throw new IllegalArgumentException("promise terms can't be negative: " + part);
      }
    }
    if (!(riderKmh > 0) || Double.isInfinite(riderKmh)) {
      throw new IllegalArgumentException("riderKmh must be a positive speed: " + riderKmh);
    }
    if (maximum.isZero()) {
      throw new IllegalArgumentException("maximum must be positive");
    }
  }

  /** Picking and packing an order of {@code lines} lines and {@code units} units in all. */
  public Duration pickTime(int lines, int units) {
    return perOrder.plus(perLine.multipliedBy(lines)).plus(perUnit.multipliedBy(units));
  }

  /** Picking and packing every order of the queue, one after the other. */
  public Duration pickTime(PickQueue queue) {
    return perOrder
        .multipliedBy(queue.orders())
        .plus(perLine.multipliedBy(queue.lines()))
        .plus(perUnit.multipliedBy(queue.units()));
  }

  /** The ride over {@code km}, at the riders' speed, rounded up to the second. */
  public Duration rideTime(double km) {
    return Duration.ofSeconds((long) Math.ceil(km / riderKmh * 3600));
  }
}
