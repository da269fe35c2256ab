package dev.gridcommerce.grid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;

/**
 * Stores every change the grid holds and PostgreSQL doesn't have yet, then exits: connects to the
 * running grid as a client ({@code config/hazelcast-client.yaml}) and flushes the write-behind
 * queue of every map that writes behind in the member configuration ({@code
 * config/hazelcast-grid.yaml}), on every member. {@code bin/backup} runs it before {@code pg_dump},
 * so a change acknowledged before the backup began is in the backup. Exits 1 when the grid can't be
 * reached or a flush fails.
 */
public final class WriteBehindFlush {

  private WriteBehindFlush() {}

  public static void main(String[] args) {
    List<String> maps = writingBehind(GridConfigs.member());
    ClientConfig config = GridConfigs.client().setInstanceName("write-behind-flush");
    config
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(10_000);
    HazelcastInstance client;
    try {
      client = HazelcastClient.newHazelcastClient(config);
    } catch (IllegalStateException e) {
      System.err.println("[flush] error: can't reach the grid (" + e.getMessage() + ")");
      System.exit(1);
      return;
    }
    long started = System.nanoTime();
    int status = 0;
    try {
      for (String map : maps) {
        long mapStarted = System.nanoTime();
        client.getMap(map).flush();
        System.out.printf(
            "[flush] %s: stored (%d ms)%n",
            map, Duration.ofNanos(System.nanoTime() - mapStarted).toMillis());
      }
      System.out.printf(
          "[flush] %d write-behind maps stored in PostgreSQL in %d ms%n",
          maps.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    } catch (RuntimeException e) {
      System.err.println("[flush] error: " + e);
      status = 1;
    } finally {
      client.shutdown();
    }
    System.exit(status);
  }

  /** The maps whose MapStore writes behind (a delay above 0), by name. */
  static List<String> writingBehind(Config member) {
    return member.getMapConfigs().values().stream()
        .filter(map -> map.getMapStoreConfig().isEnabled())
        .filter(map -> map.getMapStoreConfig().getWriteDelaySeconds() > 0)
        .map(MapConfig::getName)
        .filter(name -> !name.contains("*"))
        .sorted()
        .toList();
  }
}
