package dev.gridcommerce.bench.fulfilment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulation moves: every door reads the simulated time from it. */
final class SimulatedClock extends Clock {

  private volatile Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  void set(Instant at) {
    if (at.isBefore(now)) {
      throw new IllegalArgumentException("simulated time only moves on: " + at + " < " + now);
    }
    now = at;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
