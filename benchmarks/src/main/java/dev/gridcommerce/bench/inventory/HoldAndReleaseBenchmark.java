package dev.gridcommerce.bench.inventory;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.inventory.HoldOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import java.time.Instant;
import java.util.UUID;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proves how fast one hot SKU's stock can be held and released through entry processors on an
 * embedded member (with its synchronous backup), against the in-process ceiling: the same domain
 * function applied with {@link ConcurrentHashMap#compute}. Each operation holds one unit for a
 * fresh order id and releases it, so stock never runs out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx1g",
      "@config/hazelcast.jvmopts",
      "-Dhazelcast.phone.home.enabled=false",
      "-Dhazelcast.logging.type=none"
    })
public class HoldAndReleaseBenchmark {

  private static final StockKey HOT = new StockKey("berlin-mitte", "SNA-00001");
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  private HazelcastInstance member;
  private IMap<StockKey, Stock> inventory;
  private final ConcurrentHashMap<StockKey, Stock> ceiling = new ConcurrentHashMap<>();
  private final AtomicLong orders = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    var config = GridConfigs.inMemoryMember();
    config.setClusterName("bench-" + UUID.randomUUID());
    config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
    member = Hazelcast.newHazelcastInstance(config);
    inventory = new GridMaps(member).inventory();
    inventory.put(HOT, Stock.of(1_000_000));
    ceiling.put(HOT, Stock.of(1_000_000));
  }

  @TearDown(Level.Trial)
  public void stop() {
    member.shutdown();
  }

  @Benchmark
  public Integer gridEntryProcessor() {
    String orderId = "o" + orders.incrementAndGet();
    HoldOutcome held = inventory.executeOnKey(HOT, new HoldStockProcessor(orderId, 1, EXPIRY));
    if (!(held instanceof HoldOutcome.Held)) {
      throw new IllegalStateException("stock ran out: " + held);
    }
    return inventory.executeOnKey(HOT, new ReleaseHoldProcessor(orderId));
  }

  @Benchmark
  public Stock concurrentHashMapCeiling() {
    String orderId = "o" + orders.incrementAndGet();
    ceiling.compute(HOT, (key, stock) -> stock.hold(orderId, 1, EXPIRY).stock());
    return ceiling.compute(HOT, (key, stock) -> stock.release(orderId));
  }
}
