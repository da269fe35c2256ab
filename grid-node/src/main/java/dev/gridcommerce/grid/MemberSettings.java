package dev.gridcommerce.grid;

import com.hazelcast.config.Config;
import dev.gridcommerce.domain.order.OrderIds;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a grid member, read one way: each is a {@code commerce.*} property of the member
 * configuration ({@code config/hazelcast-grid.yaml}), overridden by the environment variable of the
 * same name in upper case with {@code _} for {@code .} and {@code -} (the rule Spring applies on
 * API nodes): {@code commerce.sweep.interval} by {@code COMMERCE_SWEEP_INTERVAL}. {@link #resolve}
 * writes the winning values back into the configuration, so every part of the member (the MapStores
 * reading {@code commerce.db.*} among them) sees the same ones.
 *
 * @param expectedMembers how many members the grid is meant to have; stock and order changes need a
 *     majority of them (1: a lone member, no protection)
 * @param writeThrough maps to store before acknowledging a write ({@code all} for every one)
 * @param sweepInterval how often the oldest member sweeps for expired orders and abandoned holds
 * @param closedOrderRetention how long closed orders stay in the grid after their last change
 * @param reconcileEvery how often the oldest member asks the payment provider about unpaid orders
 * @param reconcileAfter how old an unpaid order is before reconciliation asks about it
 */
public record MemberSettings(
    int expectedMembers,
    Set<String> writeThrough,
    Duration sweepInterval,
    Duration closedOrderRetention,
    Duration reconcileEvery,
    Duration reconcileAfter) {

  public static final String EXPECTED_MEMBERS = "commerce.grid.expected-members";
  public static final String WRITE_THROUGH = "commerce.write-through";
  public static final String SWEEP_INTERVAL = "commerce.sweep.interval";
  public static final String CLOSED_ORDER_RETENTION = "commerce.orders.closed-retention";
  public static final String RECONCILE_EVERY = "commerce.payments.reconcile-every";
  public static final String RECONCILE_AFTER = "commerce.payments.reconcile-after";

  /** Read by the persistence module from the resolved configuration; listed here to resolve. */
  static final List<String> DATABASE =
      List.of(
          "commerce.db.url", "commerce.db.user", "commerce.db.password", "commerce.db.pool-size");

  private static final List<String> ALL =
      List.of(
          EXPECTED_MEMBERS,
          WRITE_THROUGH,
          SWEEP_INTERVAL,
          CLOSED_ORDER_RETENTION,
          RECONCILE_EVERY,
          RECONCILE_AFTER);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  public MemberSettings {
    writeThrough = Set.copyOf(writeThrough);
    if (expectedMembers < 1) {
      throw new IllegalArgumentException(EXPECTED_MEMBERS + " must be at least 1");
    }
    if (!sweepInterval.isPositive() || !closedOrderRetention.isPositive()) {
      throw new IllegalArgumentException("the sweep interval and order retention are positive");
    }
    if (!reconcileEvery.isPositive() || reconcileAfter.isNegative()) {
      throw new IllegalArgumentException(
          RECONCILE_EVERY + " is positive and " + RECONCILE_AFTER + " not negative");
    }
    if (closedOrderRetention.compareTo(OrderIds.NEVER_ONLY_STORED_WITHIN) < 0) {
      // a fresh order id the grid misses is taken as no order without asking PostgreSQL
      throw new IllegalArgumentException(
          CLOSED_ORDER_RETENTION + " must be at least " + OrderIds.NEVER_ONLY_STORED_WITHIN);
    }
  }

  /**
   * Applies the environment's overrides to the configuration's {@code commerce.*} properties and
   * answers the settings they make.
   */
  public static MemberSettings resolve(Config config, Map<String, String> environment) {
    for (String name : concat(ALL, DATABASE)) {
      String overridden = environment.get(environmentName(name));
      if (overridden != null && !overridden.isBlank()) {
        config.setProperty(name, overridden.strip());
      }
    }
    return of(config);
  }

  /** The settings in a configuration whose overrides are resolved. */
  public static MemberSettings of(Config config) {
    String writeThrough = config.getProperty(WRITE_THROUGH);
    return new MemberSettings(
        Integer.parseInt(value(config, EXPECTED_MEMBERS, "1")),
        writeThrough == null || writeThrough.isBlank()
            ? Set.of()
            : Set.of(writeThrough.strip().split("\\s*,\\s*")),
        duration(SWEEP_INTERVAL, value(config, SWEEP_INTERVAL, "5s")),
        duration(CLOSED_ORDER_RETENTION, value(config, CLOSED_ORDER_RETENTION, "60m")),
        duration(RECONCILE_EVERY, value(config, RECONCILE_EVERY, "60s")),
        duration(RECONCILE_AFTER, value(config, RECONCILE_AFTER, "2m")));
  }

  /** The environment variable that overrides a setting. */
  public static String environmentName(String setting) {
    return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Whether the named map is to write through to PostgreSQL. */
  public boolean writesThrough(String map) {
    return writeThrough.contains("all") || writeThrough.contains(map);
  }

  private static String value(Config config, String name, String otherwise) {
    String value = config.getProperty(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }

  /** A duration as {@code 500ms}, {@code 5s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601. */
  static Duration duration(String name, String text) {
    Matcher simple = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 5s, 10m or PT5S, not '" + text + "'", e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
