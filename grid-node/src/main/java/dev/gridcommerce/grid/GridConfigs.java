package dev.gridcommerce.grid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import dev.gridcommerce.grid.ratelimit.RateLimits;
import dev.gridcommerce.grid.support.GridMaps;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Loads the member and client configuration from {@code config/} and adds what is code rather than
 * configuration: the Compact serializers, and what follows from the {@link MemberSettings} (the
 * majority that stock and orders need, write-through maps, the shopper-order index's lifetime).
 * Hazelcast applies its {@code HZ_*} / {@code HZCLIENT_*} environment overrides while loading;
 * {@link MemberSettings} applies the {@code COMMERCE_*} ones.
 *
 * <p>The member file is the one named by the system property {@code hazelcast.config} (bin/ sets it
 * to {@code config/hazelcast-grid.yaml}), else the copy of that file on the classpath; the client
 * file likewise by {@code hazelcast.client.config}, else {@code hazelcast-client.yaml}.
 */
public final class GridConfigs {

  public static final String MEMBER_FILE = "hazelcast-grid.yaml";

  /** The split-brain protection name of the maps that hold stock and orders. */
  public static final String STOCK_MAJORITY = "stock-majority";

  /** The shopper-order index may be at most this stale (and at most half the order retention). */
  private static final Duration SHOPPER_ORDERS_MAX_AGE = Duration.ofMinutes(10);

  private GridConfigs() {}

  public static Config member() {
    String path = System.getProperty("hazelcast.config");
    Config config;
    try {
      config =
          path != null
              ? Config.loadFromFile(new File(path))
              : Config.loadFromClasspath(GridConfigs.class.getClassLoader(), MEMBER_FILE);
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("no grid configuration at " + path, e);
    }
    GridSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
    RateLimits.registerSerializers(config.getSerializationConfig());
    MemberSettings settings = MemberSettings.resolve(config, System.getenv());
    requireMajority(config, settings.expectedMembers());
    writeDelay(config, settings::writesThrough, 0);
    config
        .getMapConfig(GridMaps.SHOPPER_ORDERS)
        .setTimeToLiveSeconds((int) shopperOrdersMaxAge(settings).toSeconds());
    return config;
  }

  /**
   * How long a shopper's index of stored orders lives: shorter than a closed order stays in the
   * grid, so every order is either in memory or in the index a shopper's history loads.
   */
  static Duration shopperOrdersMaxAge(MemberSettings settings) {
    Duration half = settings.closedOrderRetention().dividedBy(2);
    return half.compareTo(SHOPPER_ORDERS_MAX_AGE) < 0 ? half : SHOPPER_ORDERS_MAX_AGE;
  }

  /** Sets the write-behind delay of every persisted map whose name matches (0: write-through). */
  public static void writeDelay(Config config, Predicate<String> mapNames, int seconds) {
    config.getMapConfigs().values().stream()
        .filter(map -> map.getMapStoreConfig().isEnabled())
        .filter(map -> mapNames.test(map.getName()))
        .forEach(map -> map.getMapStoreConfig().setWriteDelaySeconds(seconds));
  }

  /**
   * Makes the stock and order maps refuse changes unless a majority of {@code expectedMembers}
   * members is in this member's cluster; a grid of one member needs no protection.
   */
  public static void requireMajority(Config config, int expectedMembers) {
    var protection = config.getSplitBrainProtectionConfig(STOCK_MAJORITY);
    if (expectedMembers < 2) {
      protection.setEnabled(false);
    } else {
      protection.setEnabled(true).setMinimumClusterSize(expectedMembers / 2 + 1);
    }
  }

  /** The member configuration with every MapStore switched off: all state lives in memory. */
  public static Config inMemoryMember() {
    Config config = member();
    config.getMapConfigs().values().forEach(map -> map.getMapStoreConfig().setEnabled(false));
    return config;
  }

  public static ClientConfig client() {
    ClientConfig config = ClientConfig.load();
    GridSerializers.registerAll(config.getSerializationConfig().getCompactSerializationConfig());
    RateLimits.registerSerializers(config.getSerializationConfig());
    return config;
  }
}
