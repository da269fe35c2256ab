package dev.gridcommerce.bench.inventory;

import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proves that a hold costs the same however many holds the product already has: one hold and one
 * release of a unit for a fresh order id on one product (a flash sale's) that {@code existingHolds}
 * orders already hold, through the grid's entry processors on a 2-member grid in this JVM (every
 * change waits for its backup), from a member ({@code gridEmbedded}) and from a client ({@code
 * gridClient}), and on the domain value alone ({@code stockValue}: the same functions, no grid).
 * The scores at 0, 1,000, 10,000 and 50,000 existing holds are the comparison: they should stay
 * within 2× of each other.
 */
public class HoldsAtScaleBenchmark extends GridBenchmark {

  private static final String STORE = "bench-store";
  private static final StockKey KEY = new StockKey(STORE, "HOT-00001");
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
  private static final int UNITS = 1_000_000;
  private static final AtomicLong ORDERS = new AtomicLong();

  /** The product as a flash sale leaves it: {@code existingHolds} orders holding a unit each. */
  @State(Scope.Benchmark)
  public static class Workload {
    @Param({"0", "1000", "10000", "50000"})
    public int existingHolds;

    Stock stock() {
      List<Hold> holds = new ArrayList<>(existingHolds);
      for (int i = 0; i < existingHolds; i++) {
        holds.add(Hold.held("existing-" + i, 1, EXPIRY.plusMillis(i)));
      }
      return new Stock(UNITS + existingHolds, holds, List.of(), 1, 1);
    }
  }

  @State(Scope.Benchmark)
  public static class Grid {
    InventoryGrid grid;

    @Setup(Level.Trial)
    public void start(Workload workload) {
      grid = new InventoryGrid(2, Map.of(KEY, workload.stock()));
    }

    @TearDown(Level.Trial)
    public void stop() {
      grid.close();
    }
  }

  /** The domain value on its own, changed by one thread at a time. */
  @State(Scope.Benchmark)
  public static class Value {
    Stock stock;

    @Setup(Level.Trial)
    public void fill(Workload workload) {
      stock = workload.stock();
    }
  }

  @Benchmark
  public StockOutcome gridEmbedded(Grid grid) {
    return HoldAndReleaseBenchmark.holdAndRelease(grid.grid.embedded, KEY);
  }

  @Benchmark
  public StockOutcome gridClient(Grid grid) {
    return HoldAndReleaseBenchmark.holdAndRelease(grid.grid.client, KEY);
  }

  @Benchmark
  public Stock stockValue(Value value) {
    String orderId = "o" + ORDERS.incrementAndGet();
    synchronized (value) {
      value.stock = value.stock.hold(orderId, 1, EXPIRY).stock().release(orderId).stock();
      return value.stock;
    }
  }
}
