package dev.gridcommerce.bench.inventory;

import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.bench.support.KeyChooser;
import dev.gridcommerce.bench.support.PostgresStock;
import dev.gridcommerce.bench.support.RedisStock;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.inventory.Inventory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;

/**
 * Proves how many hold-and-release pairs of one unit per second a dark store's stock takes through
 * the grid's entry processors, against its peers doing the same check-and-change on the same
 * machine, with the same threads, in the same run. One operation holds a unit for a fresh order id
 * and releases it, so stock never runs out.
 *
 * <ul>
 *   <li>{@code gridEmbedded}: a hold then a release through the grid's {@link Inventory} door (one
 *       entry processor each) on a 2-member grid in this JVM (loopback networking; every write
 *       waits for its synchronous backup on the other member), called from a member, as the one-JVM
 *       mode does;
 *   <li>{@code gridClient}: the same from a Hazelcast client over loopback, as an API node does;
 *   <li>{@code gridClientPipelined}: the same client with {@value #PIPELINE} holds in flight per
 *       thread (the door's {@code holdAll}: one async {@code submitToKey} per key), then their
 *       {@value #PIPELINE} releases; scored per pair;
 *   <li>{@code gridLoneClient}: a client over loopback to a lone member (one hop, no backup): the
 *       peer of an unreplicated Redis;
 *   <li>{@code gridLoneEmbedded}: the processors called inside the lone member (no network, no
 *       backup), as in the one-JVM demo;
 *   <li>{@code postgres}: {@link PostgresStock}'s {@code UPDATE … WHERE on_hand - reserved >= ?}
 *       under the row lock, then the release, each an autocommit statement over one connection per
 *       thread (PostgreSQL 15, durable commit);
 *   <li>{@code postgresAsyncCommit}: the same with {@code synchronous_commit = off};
 *   <li>{@code redisLua}: {@link RedisStock}'s Lua check-and-change and release (EVALSHA), one
 *       connection per thread, Redis without persistence;
 *   <li>{@code concurrentHashMapCeiling}: the same domain functions ({@link Stock#hold}, {@link
 *       Stock#release}) with {@link ConcurrentHashMap#compute}: no network, the in-process ceiling.
 * </ul>
 *
 * {@code keys}: {@code hot} (one product: a flash sale), {@code uniform} or {@code zipfian} over
 * 10,000 products ({@link KeyChooser}). Threads come from JMH's {@code -t} (bin/bench runs 1, 2, 8
 * and 32 in full mode).
 */
public class HoldAndReleaseBenchmark extends GridBenchmark {

  static final String STORE = "bench-store";
  static final int PIPELINE = 16;
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
  private static final int UNITS = 1_000_000;
  private static final AtomicLong ORDERS = new AtomicLong();

  /** What the run is about: which products the operations touch. */
  @State(Scope.Benchmark)
  public static class Workload {
    @Param({"hot", "uniform"})
    public String keys;

    KeyChooser chooser;

    @Setup(Level.Trial)
    public void choose() {
      chooser = KeyChooser.named(keys);
    }

    Map<StockKey, Stock> stock() {
      Map<StockKey, Stock> stock = new HashMap<>();
      for (int i = 0; i < chooser.products(); i++) {
        stock.put(key(i), Stock.of(UNITS));
      }
      return stock;
    }
  }

  /** Per benchmark thread: its own random source for choosing products. */
  @State(Scope.Thread)
  public static class Caller {
    final SplittableRandom random = new SplittableRandom();
  }

  /** A grid in this JVM with the workload's stock, reached from a member and from a client. */
  public abstract static class Grid {
    InventoryGrid grid;
    Inventory embedded;
    Inventory client;

    abstract int members();

    @Setup(Level.Trial)
    public void start(Workload workload) {
      grid = new InventoryGrid(members(), workload.stock());
      embedded = grid.embedded;
      client = grid.client;
    }

    @TearDown(Level.Trial)
    public void stop() {
      grid.close();
    }
  }

  /** Two members: every write waits for its backup on the other. */
  @State(Scope.Benchmark)
  public static class PairGrid extends Grid {
    @Override
    int members() {
      return 2;
    }
  }

  /** One member: no backup. */
  @State(Scope.Benchmark)
  public static class LoneGrid extends Grid {
    @Override
    int members() {
      return 1;
    }
  }

  @State(Scope.Benchmark)
  public static class Postgres {
    PostgresStock durable;
    PostgresStock async;

    @Setup(Level.Trial)
    public void start(Workload workload) {
      durable = new PostgresStock(STORE, workload.chooser.products(), UNITS, true);
      async = new PostgresStock(STORE, workload.chooser.products(), UNITS, false);
    }

    @TearDown(Level.Trial)
    public void stop() {
      durable.close();
      async.close();
    }
  }

  /** Per thread: its connections to the PostgreSQL peers. */
  @State(Scope.Thread)
  public static class PostgresCaller {
    Connection durable;
    Connection async;

    @Setup(Level.Trial)
    public void connect(Postgres postgres) throws SQLException {
      durable = postgres.durable.connect();
      async = postgres.async.connect();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      durable.close();
      async.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Redis {
    RedisStock stock;

    @Setup(Level.Trial)
    public void start(Workload workload) {
      stock = new RedisStock(STORE, workload.chooser.products(), UNITS);
    }

    @TearDown(Level.Trial)
    public void stop() {
      stock.close();
    }
  }

  /** Per thread: its connection to Redis. */
  @State(Scope.Thread)
  public static class RedisCaller {
    Jedis redis;

    @Setup(Level.Trial)
    public void connect(Redis redis) {
      this.redis = redis.stock.connection();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
      redis.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Ceiling {
    final ConcurrentHashMap<StockKey, Stock> stock = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void fill(Workload workload) {
      stock.putAll(workload.stock());
    }
  }

  static StockKey key(int product) {
    return new StockKey(STORE, KeyChooser.sku(product));
  }

  /** One pair: holds a unit of the product for a fresh order id, then releases it. */
  static StockOutcome holdAndRelease(Inventory inventory, StockKey key) {
    String orderId = "o" + ORDERS.incrementAndGet();
    StockOutcome held =
        inventory.holdAll(List.of(new Inventory.HoldRequest(key, orderId, 1, EXPIRY))).getFirst();
    if (!(held instanceof StockOutcome.Done)) {
      throw new IllegalStateException("stock ran out: " + held);
    }
    return inventory.releaseAll(List.of(new Inventory.Release(key, orderId))).getFirst();
  }

  @Benchmark
  public StockOutcome gridEmbedded(Workload workload, PairGrid grid, Caller caller) {
    return holdAndRelease(grid.embedded, key(workload.chooser.next(caller.random)));
  }

  @Benchmark
  public StockOutcome gridClient(Workload workload, PairGrid grid, Caller caller) {
    return holdAndRelease(grid.client, key(workload.chooser.next(caller.random)));
  }

  @Benchmark
  @OperationsPerInvocation(PIPELINE)
  public Object gridClientPipelined(Workload workload, PairGrid grid, Caller caller) {
    List<Inventory.HoldRequest> holds = new ArrayList<>(PIPELINE);
    List<Inventory.Release> releases = new ArrayList<>(PIPELINE);
    for (int i = 0; i < PIPELINE; i++) {
      StockKey key = key(workload.chooser.next(caller.random));
      String orderId = "o" + ORDERS.incrementAndGet();
      holds.add(new Inventory.HoldRequest(key, orderId, 1, EXPIRY));
      releases.add(new Inventory.Release(key, orderId));
    }
    if (!grid.client.holdAll(holds).stream().allMatch(StockOutcome.Done.class::isInstance)) {
      throw new IllegalStateException("stock ran out");
    }
    return grid.client.releaseAll(releases);
  }

  @Benchmark
  public StockOutcome gridLoneClient(Workload workload, LoneGrid grid, Caller caller) {
    return holdAndRelease(grid.client, key(workload.chooser.next(caller.random)));
  }

  @Benchmark
  public StockOutcome gridLoneEmbedded(Workload workload, LoneGrid grid, Caller caller) {
    return holdAndRelease(grid.embedded, key(workload.chooser.next(caller.random)));
  }

  @Benchmark
  public boolean postgres(Workload workload, PostgresCaller postgres, Caller caller)
      throws SQLException {
    return postgresPair(postgres.durable, workload.chooser.next(caller.random));
  }

  @Benchmark
  public boolean postgresAsyncCommit(Workload workload, PostgresCaller postgres, Caller caller)
      throws SQLException {
    return postgresPair(postgres.async, workload.chooser.next(caller.random));
  }

  private static boolean postgresPair(Connection connection, int product) throws SQLException {
    String sku = KeyChooser.sku(product);
    if (!PostgresStock.hold(connection, STORE, sku, 1)) {
      throw new IllegalStateException("stock ran out");
    }
    return PostgresStock.release(connection, STORE, sku, 1);
  }

  @Benchmark
  public boolean redisLua(Workload workload, Redis redis, RedisCaller caller, Caller thread) {
    int product = workload.chooser.next(thread.random);
    if (!redis.stock.hold(caller.redis, product, 1)) {
      throw new IllegalStateException("stock ran out");
    }
    return redis.stock.release(caller.redis, product, 1);
  }

  @Benchmark
  public Stock concurrentHashMapCeiling(Workload workload, Ceiling ceiling, Caller caller) {
    StockKey key = key(workload.chooser.next(caller.random));
    String orderId = "o" + ORDERS.incrementAndGet();
    ceiling.stock.compute(key, (k, stock) -> stock.hold(orderId, 1, EXPIRY).stock());
    return ceiling.stock.compute(key, (k, stock) -> stock.release(orderId).stock());
  }
}
