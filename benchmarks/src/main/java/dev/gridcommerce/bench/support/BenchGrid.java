package dev.gridcommerce.bench.support;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A grid for benchmarks: real members on loopback inside the benchmark's JVM, with the project's
 * map configuration (backups included, so every write also reaches a second member) and no
 * MapStores. Ports from 5801 keep it apart from a bin/cluster grid on the same machine.
 */
public final class BenchGrid implements AutoCloseable {

  private final List<HazelcastInstance> members = new ArrayList<>();
  private final List<HazelcastInstance> clients = new ArrayList<>();

  public BenchGrid(int memberCount) {
    this(memberCount, GridConfigs.inMemoryMember());
  }

  /**
   * A grid whose maps write behind to the given database, {@code writeDelaySeconds} after a write
   * (0: write-through).
   */
  public static BenchGrid persistingTo(Database database, int memberCount, int writeDelaySeconds) {
    Config config = GridConfigs.member();
    config.getUserContext().put(Database.USER_CONTEXT_KEY, database);
    GridConfigs.writeDelay(config, name -> true, writeDelaySeconds);
    return new BenchGrid(memberCount, config);
  }

  private BenchGrid(int memberCount, Config config) {
    config.setClusterName("bench-" + UUID.randomUUID());
    config.setProperty("hazelcast.logging.type", "none");
    config.getNetworkConfig().setPort(5801).setPortAutoIncrement(true);
    var tcp = config.getNetworkConfig().getJoin().getTcpIpConfig();
    tcp.setEnabled(true).setMembers(List.of("127.0.0.1:5801", "127.0.0.1:5802", "127.0.0.1:5803"));
    for (int i = 0; i < memberCount; i++) {
      members.add(Hazelcast.newHazelcastInstance(config));
    }
  }

  /** Entries waiting in the write-behind queues of every member for the named map. */
  public long queued(String map) {
    return members.stream()
        .mapToLong(m -> m.getMap(map).getLocalMapStats().getDirtyEntryCount())
        .sum();
  }

  /** A client of this grid over loopback, configured as an API node's. */
  public HazelcastInstance client() {
    ClientConfig config = GridConfigs.client();
    config.setInstanceName(null);
    config.setClusterName(members.getFirst().getConfig().getClusterName());
    config
        .getNetworkConfig()
        .setAddresses(List.of("127.0.0.1:5801", "127.0.0.1:5802", "127.0.0.1:5803"));
    config.setProperty("hazelcast.logging.type", "none");
    HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
    clients.add(client);
    return client;
  }

  /** The member the benchmark calls through (embedded mode). */
  public HazelcastInstance member() {
    return members.getFirst();
  }

  @Override
  public void close() {
    clients.forEach(HazelcastInstance::shutdown);
    members.forEach(HazelcastInstance::shutdown);
  }
}
