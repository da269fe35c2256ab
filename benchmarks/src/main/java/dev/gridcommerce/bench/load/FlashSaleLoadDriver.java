package dev.gridcommerce.bench.load;

import dev.gridcommerce.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
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
  private final LoadSupport load;
  private final int shoppers;
  private final int units;
  private final int concurrency;
  private final String store;
  private final String sku;
  private final boolean warmup;
  private final boolean idempotencyKeys;

  private FlashSaleLoadDriver(Map<String, String> options) {
    this.http = new Http(options.getOrDefault("url", "http://localhost:8080"));
    this.shoppers = Integer.parseInt(options.getOrDefault("shoppers", "500"));
    this.units = Integer.parseInt(options.getOrDefault("units", "100"));
    this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
    this.load = new LoadSupport(http, concurrency, "flash");
    this.store = options.getOrDefault("store", "berlin-mitte");
    this.sku = options.getOrDefault("sku", "auto");
    this.warmup = Boolean.parseBoolean(options.getOrDefault("warmup", "true"));
    this.idempotencyKeys = Boolean.parseBoolean(options.getOrDefault("idempotency-keys", "true"));
  }

  public static void main(String[] args) throws Exception {
    System.exit(new FlashSaleLoadDriver(LoadSupport.options(args)).run() ? 0 : 1);
  }

  private boolean run() throws Exception {
    String staff = load.staffLogin(store);
    List<String> tokens = load.signIn("flash", SHOPPER_PASSWORD, shoppers);
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
    int availableViaApi = load.stock(staff, store, sale.sku()).get("available");
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
    String product = sku.equals("auto") ? load.idleProduct(staff, store) : sku;
    System.out.println("[flash] " + phase + ": selling " + product + " at " + store);
    int initial = load.setAvailable(staff, store, product, units);
    load.inParallel(
        phase + ": filling carts",
        shoppers,
        i -> {
          LoadSupport.expect(
              http.put("/api/v1/cart/store", tokens.get(i), Map.of("storeId", store)), 200);
          LoadSupport.expect(
              http.put("/api/v1/cart/items/" + product, tokens.get(i), Map.of("quantity", 1)), 200);
        });
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Histogram latency = new ConcurrentHistogram(60_000_000_000L, 3);
    Queue<Placed> placed = new ConcurrentLinkedQueue<>();
    Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
    double seconds =
        load.inParallel(
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
    load.inParallel(
        "cancelling the sale's orders (the stock goes back)",
        placed.size(),
        i ->
            LoadSupport.expect(
                http.post(
                    "/api/v1/orders/" + placed.get(i).orderId() + "/cancel",
                    tokens.get(placed.get(i).shopper()),
                    null),
                200));
  }

  /**
   * What PostgreSQL says is available, once write-behind has caught up (up to 15 s). A plain read:
   * the schema belongs to the cluster under test (maybe an older build's), so nothing here migrates
   * it.
   */
  private long availableInPostgres(String sku) throws InterruptedException, SQLException {
    DatabaseSettings db = DatabaseSettings.fromEnvironment();
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT on_hand - reserved FROM stock WHERE store_id = ? AND sku = ?")) {
      query.setString(1, store);
      query.setString(2, sku);
      long available = -1;
      for (int attempt = 0; attempt < 30; attempt++) {
        Thread.sleep(500);
        long stored;
        try (ResultSet row = query.executeQuery()) {
          stored = row.next() ? row.getLong(1) : -1;
        }
        if (stored == available) {
          return stored; // the same twice in a row: write-behind has caught up
        }
        available = stored;
      }
      return available;
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
