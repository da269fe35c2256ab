package dev.gridcommerce.bench.load;

import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.DatabaseSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A flash sale over HTTP against a running cluster ({@code bin/cluster start}): a store's staff set
 * one product's stock to {@code units} (by default a product no order holds); after one sale to
 * warm the API node up (its orders cancelled), {@code shoppers} shoppers sign up (once) and log in,
 * put one unit in their carts, and then all check out at once from {@code concurrency} connections.
 * Reports checkouts per second, latency percentiles and the answers (201, 409, 5xx), then checks
 * through the API and in PostgreSQL that every unit is either sold or still available: sold +
 * available = the stock the sale started with. Then it cancels the sale's orders, so the stock is
 * as it was. A progress line shows each phase.
 *
 * <pre>java -cp … dev.gridcommerce.bench.load.FlashSaleLoadDriver [--url http://localhost:8080]
 *     [--shoppers 500] [--units 100] [--concurrency 64] [--store berlin-mitte] [--sku auto] [--warmup true]
 *     [--idempotency-keys true]
 * </pre>
 *
 * Exit status 1 when the check fails. Staff password: {@code COMMERCE_STAFF_PASSWORD}; PostgreSQL:
 * {@code COMMERCE_DB_*} (the same variables bin/ uses).
 */
public final class FlashSaleLoadDriver {

  private static final String SHOPPER_PASSWORD = "flash-sale-shopper";

  private final Http http;
  private final Map<String, String> options;
  private final int shoppers;
  private final int units;
  private final int concurrency;
  private final String store;
  private final String sku;
  private final boolean warmup;
  private final boolean idempotencyKeys;

  private FlashSaleLoadDriver(Map<String, String> options) {
    this.options = options;
    this.http = new Http(options.getOrDefault("url", "http://localhost:8080"));
    this.shoppers = Integer.parseInt(options.getOrDefault("shoppers", "500"));
    this.units = Integer.parseInt(options.getOrDefault("units", "100"));
    this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
    this.store = options.getOrDefault("store", "berlin-mitte");
    this.sku = options.getOrDefault("sku", "auto");
    this.warmup = Boolean.parseBoolean(options.getOrDefault("warmup", "true"));
    this.idempotencyKeys = Boolean.parseBoolean(options.getOrDefault("idempotency-keys", "true"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    System.exit(new FlashSaleLoadDriver(options).run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    String staff =
        login(
            "staff." + store + "@commerce.local",
            System.getenv().getOrDefault("COMMERCE_STAFF_PASSWORD", "staff-demo-password"));
    List<String> tokens = new ArrayList<>(java.util.Collections.nCopies(shoppers, null));
    inParallel("signing in", shoppers, i -> tokens.set(i, signIn(i)));
    if (warmup) {
      cancel(sale(staff, tokens, "warm-up"), tokens); // the API node's code paths get compiled
    }
    Sale sale = sale(staff, tokens, "sale");

    int placed = count(sale.answers(), 201);
    int refused = count(sale.answers(), 409);
    int serverErrors =
        sale.answers().entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToInt(e -> e.getValue().intValue())
            .sum();
    int availableViaApi = stock(staff, sale.sku()).get("available");
    long availableInPostgres = availableInPostgres(sale.sku());
    boolean balanced =
        placed + availableViaApi == sale.initial() && availableInPostgres == availableViaApi;
    Histogram latency = sale.latency();
    System.out.printf(
        Locale.ROOT,
        """

        | shoppers | units | concurrency | checkouts/s | p50 ms | p95 ms | p99 ms | max ms | 201 | 409 | 5xx | sold + available = initial |
        |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
        | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d | %d + %d = %d (API), %d available in PostgreSQL: %s |
        """,
        shoppers,
        units,
        concurrency,
        shoppers / sale.seconds(),
        millis(latency.getValueAtPercentile(50)),
        millis(latency.getValueAtPercentile(95)),
        millis(latency.getValueAtPercentile(99)),
        millis(latency.getMaxValue()),
        placed,
        refused,
        serverErrors,
        placed,
        availableViaApi,
        sale.initial(),
        availableInPostgres,
        balanced ? "balanced" : "NOT BALANCED");
    cancel(sale, tokens);
    return balanced && serverErrors == 0 && placed == Math.min(units, shoppers);
  }

  /** What one sale came to. */
  private record Sale(
      String sku,
      int initial,
      double seconds,
      Histogram latency,
      Map<Integer, LongAdder> answers,
      List<Placed> placed) {}

  private record Placed(int shopper, String orderId) {}

  /** Sets a product's stock, fills every cart with one unit of it, and lets everyone check out. */
  private Sale sale(String staff, List<String> tokens, String phase) throws Exception {
    String product = sku.equals("auto") ? idleProduct(staff) : sku;
    System.out.println("[flash] " + phase + ": selling " + product + " at " + store);
    int initial = setStock(staff, product);
    inParallel(
        phase + ": filling carts",
        shoppers,
        i -> {
          expect(http.put("/api/v1/cart/store", tokens.get(i), Map.of("storeId", store)), 200);
          expect(
              http.put("/api/v1/cart/items/" + product, tokens.get(i), Map.of("quantity", 1)), 200);
        });
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
    Queue<Placed> placed = new ConcurrentLinkedQueue<>();
    Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    double seconds =
        inParallel(
            phase + ": checking out",
            shoppers,
            i -> {
              long sent = System.nanoTime();
              Http.Response response =
                  http.send(
                      "POST",
                      "/api/v1/checkout",
                      tokens.get(i),
                      null,
                      idempotencyKeys ? Map.of("Idempotency-Key", runId + "-" + i) : Map.of());
              latency.recordValue(System.nanoTime() - sent);
              answers.computeIfAbsent(response.status(), s -> new LongAdder()).increment();
              if (response.status() == 201) {
                placed.add(new Placed(i, response.body().get("id").asString()));
              }
            });
    return new Sale(product, initial, seconds, latency, answers, List.copyOf(placed));
  }

  /** Cancels the sale's orders, so the product's stock is as it was. */
  private void cancel(Sale sale, List<String> tokens) throws Exception {
    List<Placed> placed = sale.placed();
    inParallel(
        "cancelling the sale's orders (the stock goes back)",
        placed.size(),
        i ->
            expect(
                http.post(
                    "/api/v1/orders/" + placed.get(i).orderId() + "/cancel",
                    tokens.get(placed.get(i).shopper()),
                    null),
                200));
  }

  /**
   * A product of the store that no order holds, so that every unit it sells in the sale is the
   * sale's own and no expiring hold of an earlier run adds units while it runs.
   */
  private String idleProduct(String staff) {
    for (int page = 0; page < 20; page++) {
      Http.Response stock =
          http.get("/api/v1/stores/" + store + "/stock?size=200&page=" + page, staff);
      expect(stock, 200);
      for (var item : stock.body().get("items")) {
        if (item.get("reserved").asInt() == 0) {
          return item.get("sku").asString();
        }
      }
    }
    throw new IllegalStateException("every product of " + store + " has units held; try later");
  }

  private String signIn(int shopper) {
    String email = "flash-" + shopper + "@load.test";
    Http.Response registered =
        http.post(
            "/api/v1/auth/register",
            null,
            Map.of("email", email, "password", SHOPPER_PASSWORD, "name", "Flash " + shopper));
    if (registered.status() != 201 && registered.status() != 409) {
      throw new IllegalStateException("register " + email + ": " + registered.status());
    }
    return login(email, SHOPPER_PASSWORD);
  }

  private String login(String email, String password) {
    Http.Response login =
        http.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    expect(login, 200);
    return login.body().get("accessToken").asString();
  }

  /** Sets the product's units on hand so that exactly {@code units} are available; answers them. */
  private int setStock(String staff, String sku) {
    Map<String, Integer> now = stock(staff, sku);
    Http.Response counted =
        http.put(
            "/api/v1/stores/" + store + "/stock/" + sku,
            staff,
            Map.of(
                "onHand",
                units + now.get("reserved"),
                "expectedVersion",
                now.get("onHandVersion"),
                "note",
                "flash sale"));
    expect(counted, 200);
    return counted.body().get("available").asInt();
  }

  private Map<String, Integer> stock(String staff, String sku) {
    Http.Response page = http.get("/api/v1/stores/" + store + "/stock?sku=" + sku, staff);
    expect(page, 200);
    var item = page.body().get("items").get(0);
    return Map.of(
        "available", item.get("available").asInt(),
        "reserved", item.get("reserved").asInt(),
        "onHandVersion", (int) item.get("onHandVersion").asLong());
  }

  /** What PostgreSQL says is available, once write-behind has caught up (up to 15 s). */
  private long availableInPostgres(String sku) throws InterruptedException {
    try (Database db = Database.open(DatabaseSettings.fromEnvironment())) {
      long available = -1;
      for (int attempt = 0; attempt < 30; attempt++) {
        Thread.sleep(500);
        long stored =
            db.jdbc()
                .queryForObject(
                    "SELECT on_hand - reserved FROM stock WHERE store_id = ? AND sku = ?",
                    Long.class,
                    store,
                    sku);
        if (stored == available) {
          return stored; // the same twice in a row: write-behind has caught up
        }
        available = stored;
      }
      return available;
    }
  }

  /** Runs the work for 0..count-1 on the driver's connections; answers the seconds it took. */
  private double inParallel(String phase, int count, IntConsumer work) throws Exception {
    CountDownLatch done = new CountDownLatch(count);
    long started = System.nanoTime();
    AtomicLong finished = new AtomicLong(started);
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        tasks.add(
            pool.submit(() -> {
              try {
                work.accept(index);
              } finally {
                finished.accumulateAndGet(System.nanoTime(), Math::max);
                done.countDown();
              }
            }));
      }
      while (!done.await(1, TimeUnit.SECONDS)) {
        System.out.printf(
            Locale.ROOT,
            "[flash] %s: %d/%d (%.0f s)%n",
            phase,
            count - done.getCount(),
            count,
            (System.nanoTime() - started) / 1e9);
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    }
    double seconds = (finished.get() - started) / 1e9;
    System.out.printf(Locale.ROOT, "[flash] %s: %d/%d in %.2f s%n", phase, count, count, seconds);
    return seconds;
  }

  private static void expect(Http.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException(
          "expected " + status + " but got " + response.status() + ": " + response.body());
    }
  }

  private static int count(Map<Integer, LongAdder> answers, int status) {
    LongAdder adder = answers.get(status);
    return adder == null ? 0 : adder.intValue();
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
