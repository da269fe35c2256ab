package dev.gridcommerce.grid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import dev.gridcommerce.grid.serialization.GridSerializers;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;

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
    return config;
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
