package dev.gridcommerce.bench.fulfilment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When a dark store's orders arrive over a day, 07:00 to 23:00: a weight per hour with a lunch peak
 * (12-14) and a higher evening one (18-21), the shape public reports of quick-commerce demand show.
 */
final class DayCurve {

  static final int FIRST_HOUR = 7;

  /** Relative orders per hour from 07:00 on. */
  static final int[] WEIGHTS = {2, 3, 3, 4, 6, 10, 9, 5, 4, 5, 8, 12, 13, 10, 6, 3};

  private DayCurve() {}

  /** {@code count} arrival times on the day starting at {@code midnight}, in order. */
  static List<Instant> arrivals(int count, Instant midnight, SplittableRandom random) {
    int total = 0;
    for (int weight : WEIGHTS) {
      total += weight;
    }
    List<Instant> arrivals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(total);
      int hour = 0;
      while (pick >= WEIGHTS[hour]) {
        pick -= WEIGHTS[hour];
        hour++;
      }
      long second = random.nextLong(3600);
      arrivals.add(midnight.plus(Duration.ofHours(FIRST_HOUR + hour)).plusSeconds(second));
    }
    arrivals.sort(null);
    return arrivals;
  }
}
