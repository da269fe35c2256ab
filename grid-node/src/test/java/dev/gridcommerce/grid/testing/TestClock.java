package dev.gridcommerce.grid.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A millisecond clock that runs with real time and can be moved ahead, to let holds expire. */
public final class TestClock extends Clock {

  private final Clock real = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  private final AtomicLong aheadMillis = new AtomicLong();

  public void advance(Duration by) {
    aheadMillis.addAndGet(by.toMillis());
  }

  @Override
  public Instant instant() {
    return real.instant().plusMillis(aheadMillis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the test clock is UTC");
  }
}
