package dev.gridcommerce.grid.testing;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.HazelcastTestSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cluster of real members in this JVM on Hazelcast's mock network (the {@code tests} jar), with
 * the project's own configuration: same maps, serializers, backups and MapStores.
 */
public final class TestGrid implements AutoCloseable {

  private final TestHazelcastFactory factory = new TestHazelcastFactory();
  private final Config config;
  private final List<HazelcastInstance> members = new ArrayList<>();

  private TestGrid(Config config) {
    this.config = config;
    config.setClusterName("test-" + UUID.randomUUID());
  }

  /**
   * Members whose network can be cut between any two of them ({@code
   * SplitBrainTestSupport.blockCommunicationBetween}), to split the cluster.
   */
  public TestGrid firewalled() {
    factory.withNodeContextDelegator(TestHazelcastInstanceFactory.FirewallingNodeContext::new);
    return this;
  }

  /** Members that keep everything in memory (no MapStores). */
  public static TestGrid inMemory() {
    return new TestGrid(GridConfigs.inMemoryMember());
  }

  /** Members that write behind to, and load from, the given database. */
  public static TestGrid persistingTo(Database database) {
    Config config = GridConfigs.member();
    config.getUserContext().put(Database.USER_CONTEXT_KEY, database);
    return new TestGrid(config);
  }

  public Config config() {
    return config;
  }

  /** Every persisted map writes behind with this delay (0: write-through). */
  public TestGrid writeDelay(int seconds) {
    GridConfigs.writeDelay(config, name -> true, seconds);
    return this;
  }

  /** Starts the members and waits until every partition has migrated and has its backups. */
  public TestGrid start(int memberCount) {
    for (int i = 0; i < memberCount; i++) {
      startMember();
    }
    HazelcastTestSupport.waitAllForSafeState(members);
    return this;
  }

  public HazelcastInstance startMember() {
    HazelcastInstance member = factory.newHazelcastInstance(config);
    members.add(member);
    GridMaps.EAGER.forEach(name -> member.getMap(name).size());
    return member;
  }

  public List<HazelcastInstance> members() {
    return members;
  }

  public HazelcastInstance member(int index) {
    return members.get(index);
  }

  /** A client connected to the cluster, configured as an API node's is. */
  public HazelcastInstance client() {
    ClientConfig clientConfig = GridConfigs.client();
    clientConfig.setClusterName(config.getClusterName());
    clientConfig.setInstanceName(null); // several clients in one JVM need names of their own
    return factory.newHazelcastClient(clientConfig);
  }

  /** Kills a member at once, as {@code kill -9} would: no migration, no flush. */
  public void terminate(HazelcastInstance member) {
    members.remove(member);
    member.getLifecycleService().terminate();
  }

  public GridMaps maps() {
    return new GridMaps(members.getFirst());
  }

  /** The capabilities' doors, through the first member. */
  public Doors doors(java.time.Clock clock) {
    return Doors.of(members.getFirst(), clock);
  }

  /** Puts the stores, products and stock of a demo catalog into the grid. */
  public static void load(Doors doors, DemoCatalog catalog) {
    doors.catalog().putStores(catalog.stores());
    doors.catalog().putProducts(catalog.products());
    doors.inventory().stockUp(catalog.stock());
  }

  /** Graceful shutdown of every member and client: write-behind queues are flushed first. */
  public void shutdown() {
    factory.shutdownAll();
    members.clear();
  }

  @Override
  public void close() {
    factory.terminateAll();
  }
}
