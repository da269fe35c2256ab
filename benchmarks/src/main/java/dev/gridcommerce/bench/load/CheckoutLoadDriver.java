package dev.gridcommerce.bench.load;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Checkouts over HTTP for a while, as fast as {@code concurrency} shoppers on keep-alive
 * connections can go, against a running API node ({@code bin/demo} or {@code bin/cluster start}).
 * Each shopper in a loop puts one unit of a product in their cart and checks out (under a fresh
 * Idempotency-Key unless {@code --keys false}); the orders are left waiting for payment, holding
 * their units, as a sale leaves them.
 *
 * <ul>
 *   <li>{@code --products spread}: each checkout picks one of the store's first 500 products at
 *       random (their stock raised first so none runs out);
 *   <li>{@code --products hot}: every checkout buys the same product, which {@code
 *       --existing-holds} orders placed before the measurement already hold.
 * </ul>
 *
 * Reports checkouts per second, latency percentiles, the answers, and the CPU this driver used
 * (cores: CPU seconds per second), as a Markdown row; with {@code --windows N}, also the orders
 * placed and the 5xx answers in each N seconds of the measurement, printed as they happen (to watch
 * a PostgreSQL outage, say); with {@code --orders-file F}, the id of every order placed, one per
 * line, written as the shopper is answered (so another process can tell which orders were
 * acknowledged by a given moment). With {@code --until-file F}, the measurement goes on until the
 * file F exists (at most {@code --seconds}). Then it cancels every order it placed, so the stock is
 * as it was, unless {@code --cancel false}. A progress line shows each phase. It exits 1 when a
 * checkout failed (a 5xx answer), or, with {@code --strict true}, when any checkout was answered
 * other than 201 or any request failed.
 *
 * <pre>java -cp … dev.gridcommerce.bench.load.CheckoutLoadDriver [--url http://localhost:8080]
 *     [--store berlin-mitte] [--concurrency 32] [--seconds 20] [--warmup-seconds 5]
 *     [--products spread|hot] [--existing-holds 0] [--keys true] [--windows 0] [--orders-file F]
 *     [--until-file F] [--cancel true] [--strict false]
 * </pre>
 *
 * Staff password: {@code COMMERCE_STAFF_PASSWORD}.
 */
public final class CheckoutLoadDriver {

  private static final String SHOPPER_PASSWORD = "checkout-load-shopper";
  private static final int SPREAD_PRODUCTS = 500;
  private static final int UNITS_EACH = 500_000;

  private final LoadSupport load;
  private final String store;
  private final int concurrency;
  private final int seconds;
  private final int warmupSeconds;
  private final boolean hot;
  private final int existingHolds;
  private final boolean keys;
  private final int windowSeconds;
  private final String ordersFile;
  private final Path untilFile;
  private final boolean cancel;
  private final boolean strict;
  private final AtomicInteger failedRequests = new AtomicInteger();
  private PrintWriter ordersOut;

  private CheckoutLoadDriver(Map<String, String> options) {
    this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
    this.load =
        new LoadSupport(
            new Http(options.getOrDefault("url", "http://localhost:8080")),
            concurrency,
            "checkout");
    this.store = options.getOrDefault("store", "berlin-mitte");
    this.seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    this.warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "5"));
    this.hot =
        switch (options.getOrDefault("products", "spread")) {
          case "hot" -> true;
          case "spread" -> false;
          default -> throw new IllegalArgumentException("--products is spread or hot");
        };
    this.existingHolds = Integer.parseInt(options.getOrDefault("existing-holds", "0"));
    this.keys = Boolean.parseBoolean(options.getOrDefault("keys", "true"));
    this.windowSeconds = Integer.parseInt(options.getOrDefault("windows", "0"));
    this.ordersFile = options.getOrDefault("orders-file", "");
    String until = options.getOrDefault("until-file", "");
    this.untilFile = until.isEmpty() ? null : Path.of(until);
    this.cancel = Boolean.parseBoolean(options.getOrDefault("cancel", "true"));
    this.strict = Boolean.parseBoolean(options.getOrDefault("strict", "false"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(new CheckoutLoadDriver(LoadSupport.options(args)).run() ? 0 : 1);
  }

  /** What the shoppers were told, and how long it took. */
  private record Tally(Histogram latency, Map<Integer, LongAdder> answers, Queue<Placed> placed) {

    Tally() {
      this(
          new ConcurrentHistogram(60_000_000_000L, 3),
          new ConcurrentHashMap<>(),
          new ConcurrentLinkedQueue<>());
    }

    long count(int status) {
      LongAdder adder = answers.get(status);
      return adder == null ? 0 : adder.sum();
    }

    void answer(int status) {
      answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    long serverErrors() {
      return countBetween(500, 599);
    }

    long countBetween(int lowest, int highest) {
      return answers.entrySet().stream()
          .filter(e -> e.getKey() >= lowest && e.getKey() <= highest)
          .mapToLong(e -> e.getValue().sum())
          .sum();
    }
  }

  private record Placed(int shopper, String orderId) {}

  private boolean run() throws Exception {
    if (!ordersFile.isEmpty()) {
      ordersOut =
          new PrintWriter(Files.newBufferedWriter(Path.of(ordersFile), StandardCharsets.UTF_8));
    }
    String staff = load.staffLogin(store);
    List<String> tokens = load.signIn("checkout-load", SHOPPER_PASSWORD, concurrency);
    List<String> skus = hot ? hotProduct(staff) : products(staff);
    System.out.printf(
        Locale.ROOT,
        "[checkout] %d shoppers, %s (%d products), store %s%n",
        concurrency,
        hot ? "one hot product" : "spread",
        skus.size(),
        store);
    load.inParallel(
        "choosing the store",
        concurrency,
        i ->
            LoadSupport.expect(
                load.http().put("/api/v1/cart/store", tokens.get(i), Map.of("storeId", store)),
                200));
    List<Tally> tallies = new ArrayList<>();
    if (existingHolds > 0) {
      tallies.add(
          checkOutTimes("placing the orders that already hold it", tokens, skus, existingHolds));
    }
    tallies.add(checkOutFor("warming up", new Tally(), tokens, skus, warmupSeconds));
    long cpuBefore = cpuNanos();
    long started = System.nanoTime();
    Tally measured = new Tally();
    List<String> windows;
    try (Windows watch = new Windows(measured)) {
      checkOutFor("measuring", measured, tokens, skus, seconds);
      windows = watch.rows();
    }
    double wall = (System.nanoTime() - started) / 1e9;
    double driverCores = (cpuNanos() - cpuBefore) / 1e9 / wall;
    tallies.add(measured);

    long placed = measured.count(201);
    long serverErrors = measured.serverErrors();
    Histogram latency = measured.latency();
    System.out.printf(
        Locale.ROOT,
        """

        | products | existing holds | concurrency | keys | checkouts/s | p50 ms | p95 ms | p99 ms | max ms | 201 | other 4xx | 5xx | driver CPU (cores) |
        |---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        | %s | %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %.2f |
        """,
        hot ? "hot" : "spread",
        existingHolds,
        concurrency,
        keys ? "yes" : "no",
        latency.getTotalCount() / wall,
        millis(latency.getValueAtPercentile(50)),
        millis(latency.getValueAtPercentile(95)),
        millis(latency.getValueAtPercentile(99)),
        millis(latency.getMaxValue()),
        placed,
        measured.countBetween(400, 499),
        serverErrors,
        driverCores);
    if (windowSeconds > 0) {
      System.out.printf(
          Locale.ROOT,
          """

          | from s | to s | orders placed/s | 5xx |
          |---:|---:|---:|---:|
          %s
          """,
          String.join("\n", windows));
    }
    List<Placed> all = tallies.stream().flatMap(tally -> tally.placed().stream()).toList();
    if (ordersOut != null) {
      ordersOut.close();
      System.out.println("[checkout] " + all.size() + " order ids in " + ordersFile);
    }
    long unexpected = measured.latency().getTotalCount() - placed;
    System.out.printf(
        Locale.ROOT,
        "[checkout] %d checkouts answered other than 201, %d requests failed%n",
        unexpected,
        failedRequests.get());
    if (cancel) {
      cancelAll(all, tokens);
    }
    boolean failed = serverErrors > 0 || placed == 0;
    return !failed && !(strict && (unexpected > 0 || failedRequests.get() > 0));
  }

  private void cancelAll(List<Placed> all, List<String> tokens) throws Exception {
    load.inParallel(
        "cancelling the " + all.size() + " orders (their stock goes back)",
        all.size(),
        i ->
            LoadSupport.expect(
                load.http()
                    .post(
                        "/api/v1/orders/" + all.get(i).orderId() + "/cancel",
                        tokens.get(all.get(i).shopper()),
                        null),
                200));
  }

  /** A product no order holds, with stock for the orders placed first and the run itself. */
  private List<String> hotProduct(String staff) {
    String sku = load.idleProduct(staff, store);
    load.setAvailable(staff, store, sku, existingHolds + UNITS_EACH);
    return List.of(sku);
  }

  /** The store's first products, with their stock raised so a run can't sell them out. */
  private List<String> products(String staff) throws Exception {
    List<String> skus = load.firstProducts(staff, store, SPREAD_PRODUCTS);
    load.inParallel(
        "raising the stock",
        skus.size(),
        i -> load.setAvailable(staff, store, skus.get(i), UNITS_EACH));
    return skus;
  }

  /** Every shopper checks out in a loop for {@code seconds}. */
  private Tally checkOutFor(
      String phase, Tally tally, List<String> tokens, List<String> skus, int seconds)
      throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    return checkOut(
        phase,
        tally,
        tokens,
        skus,
        () -> System.nanoTime() < until && (untilFile == null || !Files.exists(untilFile)));
  }

  /** The shoppers check out {@code times} times between them. */
  private Tally checkOutTimes(String phase, List<String> tokens, List<String> skus, int times)
      throws Exception {
    AtomicInteger left = new AtomicInteger(times);
    return checkOut(phase, new Tally(), tokens, skus, () -> left.getAndDecrement() > 0);
  }

  private Tally checkOut(
      String phase,
      Tally tally,
      List<String> tokens,
      List<String> skus,
      java.util.function.BooleanSupplier more)
      throws Exception {
    System.out.println("[checkout] " + phase + " ...");
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> shoppers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        int shopper = i;
        shoppers.add(
            pool.submit(() -> {
              SplittableRandom random = new SplittableRandom(shopper);
              String token = tokens.get(shopper);
              while (more.getAsBoolean()) {
                try {
                  checkOutOnce(tally, shopper, token, skus.get(random.nextInt(skus.size())));
                } catch (UncheckedIOException e) {
                  failedRequests.incrementAndGet(); // no answer at all: counted, and on
                }
              }
              return null;
            }));
      }
      for (Future<?> shopper : shoppers) {
        shopper.get();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "[checkout] %s: %d checkouts, %d placed%n",
        phase,
        tally.latency().getTotalCount(),
        tally.count(201));
    return tally;
  }

  /** One unit of {@code sku} into the shopper's cart, then a checkout. */
  private void checkOutOnce(Tally tally, int shopper, String token, String sku) {
    Http.Response added =
        load.http().put("/api/v1/cart/items/" + sku, token, Map.of("quantity", 1));
    if (added.status() >= 500) {
      tally.answer(added.status()); // counted with the checkouts' 5xx; try again
      return;
    }
    LoadSupport.expect(added, 200);
    long sent = System.nanoTime();
    Http.Response response =
        load.http()
            .send(
                "POST",
                "/api/v1/checkout",
                token,
                null,
                keys ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of());
    tally.latency().recordValue(System.nanoTime() - sent);
    tally.answer(response.status());
    if (response.status() == 201) {
      placed(tally, new Placed(shopper, response.body().get("id").asString()));
    }
  }

  private void placed(Tally tally, Placed order) {
    tally.placed().add(order);
    if (ordersOut != null) {
      synchronized (ordersOut) {
        ordersOut.println(order.orderId());
        ordersOut.flush();
      }
    }
  }

  /**
   * With {@code --windows N}: every N seconds, the orders placed and the 5xx answers since the last
   * window, printed at once and kept as Markdown rows.
   */
  private final class Windows implements AutoCloseable {

    private final List<String> rows = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Windows(Tally tally) {
      if (windowSeconds <= 0) {
        return;
      }
      long[] last = new long[2];
      AtomicInteger window = new AtomicInteger();
      timer.scheduleAtFixedRate(
          () -> {
            long placed = tally.count(201);
            long serverErrors = tally.serverErrors();
            int from = window.getAndIncrement() * windowSeconds;
            String row =
                String.format(
                    Locale.ROOT,
                    "| %d | %d | %.0f | %d |",
                    from,
                    from + windowSeconds,
                    (placed - last[0]) / (double) windowSeconds,
                    serverErrors - last[1]);
            last[0] = placed;
            last[1] = serverErrors;
            rows.add(row);
            System.out.println("[checkout] " + row);
          },
          windowSeconds,
          windowSeconds,
          TimeUnit.SECONDS);
    }

    List<String> rows() {
      return List.copyOf(rows);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
