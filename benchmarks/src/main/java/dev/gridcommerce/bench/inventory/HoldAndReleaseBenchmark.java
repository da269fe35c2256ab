package dev.gridcommerce.bench.inventory;

import com.hazelcast.map.IMap;
import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.bench.support.PostgresStock;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proves how many hold-and-release pairs per second one dark store's stock takes through the grid's
 * entry processors, against its peers doing the same check-and-change on the same machine in the
 * same run:
 *
 * <ul>
 *   <li>{@code gridTwoMembers}: {@link HoldStockProcessor} then {@link ReleaseHoldProcessor} on a
 *       2-member grid in this JVM (loopback networking; every write waits for its synchronous
 *       backup on the other member), called from one of the members;
 *   <li>{@code gridOneMember}: the same on a lone member: no network, no backup (the one-JVM demo);
 *   <li>{@code postgres}: {@link PostgresStock}'s row-locked {@code UPDATE … WHERE on_hand -
 *       reserved >= ?}, then the release, each an autocommit statement over a JDBC pool, with
 *       PostgreSQL's default durable commit;
 *   <li>{@code postgresAsyncCommit}: the same with {@code synchronous_commit = off};
 *   <li>{@code concurrentHashMapCeiling}: the same domain function ({@link Stock#hold}, {@link
 *       Stock#release}) applied with {@link ConcurrentHashMap#compute} — no network, no backup: the
 *       in-process ceiling.
 * </ul>
 *
 * {@code keys=hot}: every thread on one product (a flash sale); {@code keys=uniform}: 1,000
 * products picked uniformly. Stock never runs out (each pair returns what it took).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Threads(4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "@config/hazelcast.jvmopts", "-Dhazelcast.phone.home.enabled=false"})
public class HoldAndReleaseBenchmark {

  private static final String STORE = "bench-store";
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
  private static final int UNITS = 1_000_000;

  @Param({"hot", "uniform"})
  public String keys;

  private int skus;
  private BenchGrid single;
  private BenchGrid pair;
  private IMap<StockKey, Stock> singleInventory;
  private IMap<StockKey, Stock> pairInventory;
  private PostgresStock postgres;
  private PostgresStock postgresAsync;
  private final ConcurrentHashMap<StockKey, Stock> ceiling = new ConcurrentHashMap<>();
  private final AtomicLong orders = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    skus = keys.equals("hot") ? 1 : 1_000;
    single = new BenchGrid(1);
    pair = new BenchGrid(2);
    singleInventory = new GridMaps(single.member()).inventory();
    pairInventory = new GridMaps(pair.member()).inventory();
    Map<StockKey, Stock> stock = new HashMap<>();
    for (int i = 0; i < skus; i++) {
      stock.put(key(i), Stock.of(UNITS));
    }
    singleInventory.putAll(stock);
    pairInventory.putAll(stock);
    ceiling.putAll(stock);
    postgres = new PostgresStock(STORE, skus, UNITS, true);
    postgresAsync = new PostgresStock(STORE, skus, UNITS, false);
  }

  @TearDown(Level.Trial)
  public void stop() {
    single.close();
    pair.close();
    postgres.close();
    postgresAsync.close();
  }

  private static StockKey key(int i) {
    return new StockKey(STORE, sku(i));
  }

  private static String sku(int i) {
    return "SKU-%05d".formatted(i);
  }

  /** Per benchmark thread: its random product picker and its database connections. */
  @State(Scope.Thread)
  public static class Caller {
    final SplittableRandom random = new SplittableRandom();
    Connection durable;
    Connection async;

    @Setup(Level.Trial)
    public void connect(HoldAndReleaseBenchmark benchmark) throws SQLException {
      durable = benchmark.postgres.connect();
      async = benchmark.postgresAsync.connect();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      durable.close();
      async.close();
    }
  }

  private int pick(Caller caller) {
    return skus == 1 ? 0 : caller.random.nextInt(skus);
  }

  @Benchmark
  public StockOutcome gridTwoMembers(Caller caller) {
    return holdAndRelease(pairInventory, pick(caller));
  }

  @Benchmark
  public StockOutcome gridOneMember(Caller caller) {
    return holdAndRelease(singleInventory, pick(caller));
  }

  private StockOutcome holdAndRelease(IMap<StockKey, Stock> inventory, int product) {
    StockKey key = key(product);
    String orderId = "o" + orders.incrementAndGet();
    StockOutcome held = inventory.executeOnKey(key, new HoldStockProcessor(orderId, 1, EXPIRY));
    if (!(held instanceof StockOutcome.Done)) {
      throw new IllegalStateException("stock ran out: " + held);
    }
    return inventory.executeOnKey(key, new ReleaseHoldProcessor(orderId));
  }

  @Benchmark
  public boolean postgres(Caller caller) throws SQLException {
    return holdAndRelease(caller.durable, pick(caller));
  }

  @Benchmark
  public boolean postgresAsyncCommit(Caller caller) throws SQLException {
    return holdAndRelease(caller.async, pick(caller));
  }

  private static boolean holdAndRelease(Connection connection, int product) throws SQLException {
    if (!PostgresStock.hold(connection, STORE, sku(product), 1)) {
      throw new IllegalStateException("stock ran out");
    }
    return PostgresStock.release(connection, STORE, sku(product), 1);
  }

  @Benchmark
  public Stock concurrentHashMapCeiling(Caller caller) {
    StockKey key = key(pick(caller));
    String orderId = "o" + orders.incrementAndGet();
    ceiling.compute(key, (k, stock) -> stock.hold(orderId, 1, EXPIRY).stock());
    return ceiling.compute(key, (k, stock) -> stock.release(orderId).stock());
  }
}
