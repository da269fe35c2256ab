package dev.gridcommerce.grid.support;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock of everything that writes times into the grid. Times travel and are stored at
 * millisecond precision, so they tick in milliseconds: a value read back equals the one written.
 */
public final class GridClock {

  private GridClock() {}

  public static Clock system() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
