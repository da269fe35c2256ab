package dev.gridcommerce.bench.persistence;

import com.hazelcast.map.IMap;
import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.persistence.order.OrderMapStore;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained write throughput into PostgreSQL: orders (each a row and two line rows) written as fast
 * as {@value #THREADS} threads can, for {@code seconds}, and how fast they reach PostgreSQL through
 *
 * <ul>
 *   <li>write-behind: a 2-member grid acknowledges each write from memory (with its backup) and
 *       stores batches {@value #WRITE_DELAY_SECONDS} s later; sampled every second: the rows
 *       PostgreSQL has and the entries queued on the members;
 *   <li>write-through: the same grid storing each write before acknowledging it;
 *   <li>plain JDBC: the same rows with the same statements ({@link OrderMapStore#storeAll}) in
 *       batches of 500, by the same number of threads: the database's own ceiling.
 * </ul>
 *
 * Prints a Markdown report. Run: {@code java -cp …
 * dev.gridcommerce.bench.persistence.WriteBehindThroughput [seconds]}.
 */
public final class WriteBehindThroughput {

  static final int THREADS = 4;
  static final int WRITE_DELAY_SECONDS = 1;
  private static final int JDBC_BATCH = 500;

  private record Run(
      String name,
      long rows,
      double writeSeconds,
      double storedSeconds,
      long maxQueued,
      List<String> samples) {

    double acknowledgedPerSecond() {
      return rows / writeSeconds;
    }

    double storedPerSecond() {
      return rows / storedSeconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Run> runs = new ArrayList<>();
    runs.add(
        throughGrid(
            "write-behind (delay " + WRITE_DELAY_SECONDS + " s)", WRITE_DELAY_SECONDS, seconds));
    runs.add(throughGrid("write-through", 0, seconds));
    runs.add(plainJdbc(runs.getFirst().rows()));
    System.out.println(report(runs, seconds));
  }

  private static final DarkStore STORE =
      new DarkStore("berlin-mitte", "Berlin Mitte", new GeoPoint(52.52, 13.405), 3, false, "EUR");

  private static Order order(long n) {
    Instant now = Instant.ofEpochMilli(1_795_000_000_000L + n);
    List<OrderLine> lines =
        List.of(
            new OrderLine("L1", "FRU-%05d".formatted(n % 2000), "Apples", 2, Money.of(199, "EUR")),
            new OrderLine("L2", "DAI-%05d".formatted(n % 1999), "Milk", 1, Money.of(109, "EUR")));
    return Order.placed(
        "order-" + n,
        "shopper-" + (n % 10_000),
        "berlin-mitte",
        lines,
        Pricing.price(lines.stream().map(OrderLine::priced).toList(), STORE),
        now,
        now.plusSeconds(600),
        "order-" + n + "-placed");
  }

  private static Run throughGrid(String name, int writeDelaySeconds, int seconds) throws Exception {
    try (TestDatabase db = TestDatabase.create(THREADS + 4);
        BenchGrid grid = BenchGrid.persistingTo(db.database(), 2, writeDelaySeconds)) {
      IMap<String, Order> orders = new GridMaps(grid.member()).orders();
      AtomicLong next = new AtomicLong();
      long started = System.nanoTime();
      long deadline = started + Duration.ofSeconds(seconds).toNanos();
      List<String> samples = new ArrayList<>();
      long maxQueued = 0;
      try (ExecutorService writers = Executors.newFixedThreadPool(THREADS)) {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          running.add(
              writers.submit(() -> {
                while (System.nanoTime() < deadline) {
                  long n = next.getAndIncrement();
                  orders.set("order-" + n, order(n));
                }
              }));
        }
        while (running.stream().anyMatch(f -> !f.isDone())) {
          Thread.sleep(1_000);
          long queued = grid.queued("orders");
          maxQueued = Math.max(maxQueued, queued);
          samples.add(sample(started, next.get(), stored(db), queued));
        }
        for (Future<?> f : running) {
          f.get();
        }
      }
      double writeSeconds = (System.nanoTime() - started) / 1e9;
      long written = next.get();
      while (stored(db) < written) {
        Thread.sleep(250);
        long queued = grid.queued("orders");
        if (samples.size() < 120
            && (System.nanoTime() - started) / 1_000_000_000 > samples.size()) {
          samples.add(sample(started, written, stored(db), queued));
        }
      }
      double storedSeconds = (System.nanoTime() - started) / 1e9;
      return new Run(name, written, writeSeconds, storedSeconds, maxQueued, samples);
    }
  }

  private static String sample(long started, long acknowledged, long stored, long queued) {
    return "| %.0f | %,d | %,d | %,d |"
        .formatted((System.nanoTime() - started) / 1e9, acknowledged, stored, queued);
  }

  private static long stored(TestDatabase db) {
    return db.database().jdbc().queryForObject("SELECT count(*) FROM orders", Long.class);
  }

  private static Run plainJdbc(long rows) throws Exception {
    try (TestDatabase db = TestDatabase.create(THREADS + 4)) {
      OrderMapStore store = new OrderMapStore(db.database());
      AtomicLong next = new AtomicLong();
      long started = System.nanoTime();
      try (ExecutorService writers = Executors.newFixedThreadPool(THREADS)) {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          running.add(
              writers.submit(() -> {
                long from;
                while ((from = next.getAndAdd(JDBC_BATCH)) < rows) {
                  Map<String, Order> batch = new LinkedHashMap<>();
                  for (long n = from; n < Math.min(rows, from + JDBC_BATCH); n++) {
                    batch.put("order-" + n, order(n));
                  }
                  store.storeAll(batch);
                }
              }));
        }
        for (Future<?> f : running) {
          f.get();
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (stored(db) != rows) {
        throw new IllegalStateException("plain JDBC stored " + stored(db) + " of " + rows);
      }
      return new Run("plain JDBC batches of " + JDBC_BATCH, rows, seconds, seconds, 0, List.of());
    }
  }

  private static String report(List<Run> runs, int seconds) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| how | orders | acknowledged/s | stored in PostgreSQL/s | max queued | write time s | all stored after s |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Run run : runs) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,.0f | %,.0f | %,d | %.1f | %.1f |%n",
              run.name(),
              run.rows(),
              run.acknowledgedPerSecond(),
              run.storedPerSecond(),
              run.maxQueued(),
              run.writeSeconds(),
              run.storedSeconds()));
    }
    out.append("\nWrite-behind over time (")
        .append(seconds)
        .append(" s of writes, then the drain):\n\n");
    out.append(
        "| s | acknowledged | in PostgreSQL | queued on the members |\n|---:|---:|---:|---:|\n");
    runs.getFirst().samples().forEach(sample -> out.append(sample).append('\n'));
    return out.toString();
  }

  private WriteBehindThroughput() {}
}
