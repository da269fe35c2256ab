package dev.gridcommerce.grid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import dev.gridcommerce.grid.serialization.GridSerializers;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads the member and client configuration from {@code config/} and adds what is code rather than
 * configuration: the Compact serializers. Hazelcast applies its {@code HZ_*} / {@code HZCLIENT_*}
 * environment overrides while loading.
 *
 * <p>The member file is the one named by the system property {@code hazelcast.config} (bin/ sets it
 * to {@code config/hazelcast-grid.yaml}), else the copy of that file on the classpath; the client
 * file likewise by {@code hazelcast.client.config}, else {@code hazelcast-client.yaml}.
 */
public final class GridConfigs {

  public static final String MEMBER_FILE = "hazelcast-grid.yaml";

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
    requireMajority(config, expectedMembers());
    writeThrough(config, setting("COMMERCE_WRITE_THROUGH"));
    return config;
  }

  /**
   * Makes the named maps (comma-separated, or {@code all}) store every write in PostgreSQL before
   * acknowledging it, instead of writing behind: no data-loss window, one database round trip per
   * write. {@code COMMERCE_WRITE_THROUGH} sets it for a member.
   */
  public static void writeThrough(Config config, String maps) {
    if (maps == null || maps.isBlank()) {
      return;
    }
    Set<String> names = Set.of(maps.strip().split("\\s*,\\s*"));
    writeDelay(config, name -> names.contains("all") || names.contains(name), 0);
  }

  /** Sets the write-behind delay of every persisted map whose name matches (0: write-through). */
  public static void writeDelay(Config config, Predicate<String> mapNames, int seconds) {
    config.getMapConfigs().values().stream()
        .filter(map -> map.getMapStoreConfig().isEnabled())
        .filter(map -> mapNames.test(map.getName()))
        .forEach(map -> map.getMapStoreConfig().setWriteDelaySeconds(seconds));
  }

  private static String setting(String name) {
    return System.getProperty(name, System.getenv(name));
  }

  /** The split-brain protection name of the maps that hold stock and orders. */
  public static final String STOCK_MAJORITY = "stock-majority";

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

  /** {@code COMMERCE_GRID_EXPECTED_MEMBERS} (or the system property of the same name), else 1. */
  static int expectedMembers() {
    String configured = setting("COMMERCE_GRID_EXPECTED_MEMBERS");
    int members =
        configured == null || configured.isBlank() ? 1 : Integer.parseInt(configured.strip());
    if (members < 1) {
      throw new IllegalArgumentException("COMMERCE_GRID_EXPECTED_MEMBERS must be at least 1");
    }
    return members;
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
    return config;
  }
}
