package dev.gridcommerce.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * What the load drivers share: their options, signing shoppers and staff in, reading and setting a
 * store's stock through the staff API, and running work on their connections with a progress line.
 */
final class LoadSupport {

  private final Http http;
  private final int concurrency;
  private final String tag;

  LoadSupport(Http http, int concurrency, String tag) {
    this.http = http;
    this.concurrency = concurrency;
    this.tag = tag;
  }

  /** {@code --name value} pairs. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }

  Http http() {
    return http;
  }

  /** The token of the store's staff account. */
  String staffLogin(String store) {
    return login(
        "staff." + store + "@commerce.local",
        System.getenv().getOrDefault("COMMERCE_STAFF_PASSWORD", "staff-demo-password"));
  }

  /** The token of the admin account. */
  String adminLogin() {
    return login(
        System.getenv().getOrDefault("COMMERCE_ADMIN_EMAIL", "admin@commerce.local"),
        System.getenv().getOrDefault("COMMERCE_ADMIN_PASSWORD", "admin-demo-password"));
  }

  /** Signs up (once) and logs in {@code count} shoppers named {@code prefix-i}; their tokens. */
  List<String> signIn(String prefix, String password, int count) throws Exception {
    List<String> tokens = new ArrayList<>(Collections.nCopies(count, null));
    inParallel("signing in", count, i -> tokens.set(i, signIn(prefix + "-" + i, password)));
    return tokens;
  }

  private String signIn(String name, String password) {
    String email = name + "@load.test";
    Http.Response registered =
        http.post(
            "/api/v1/auth/register",
            null,
            Map.of("email", email, "password", password, "name", name));
    if (registered.status() != 201 && registered.status() != 409) {
      throw new IllegalStateException("register " + email + ": " + registered.status());
    }
    return login(email, password);
  }

  private String login(String email, String password) {
    Http.Response login =
        http.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    expect(login, 200);
    return login.body().get("accessToken").asString();
  }

  /**
   * A product of the store that no order holds, so that every unit a run sells is its own and no
   * expiring hold of an earlier run adds units while it runs.
   */
  String idleProduct(String staff, String store) {
    for (int page = 0; page < 20; page++) {
      for (var item : stockPage(staff, store, page)) {
        if (item.get("reserved").asInt() == 0) {
          return item.get("sku").asString();
        }
      }
    }
    throw new IllegalStateException("every product of " + store + " has units held; try later");
  }

  /** The store's first {@code count} products by sku. */
  List<String> firstProducts(String staff, String store, int count) {
    List<String> skus = new ArrayList<>();
    for (int page = 0; skus.size() < count; page++) {
      var items = stockPage(staff, store, page);
      if (items.isEmpty()) {
        break;
      }
      for (var item : items) {
        if (skus.size() < count) {
          skus.add(item.get("sku").asString());
        }
      }
    }
    return skus;
  }

  private tools.jackson.databind.JsonNode stockPage(String staff, String store, int page) {
    Http.Response stock =
        http.get("/api/v1/stores/" + store + "/stock?size=200&page=" + page, staff);
    expect(stock, 200);
    return stock.body().get("items");
  }

  /**
   * Counts the product's units on hand so that exactly {@code units} are available; answers them.
   */
  int setAvailable(String staff, String store, String sku, int units) {
    Map<String, Integer> now = stock(staff, store, sku);
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
                "load run"));
    expect(counted, 200);
    return counted.body().get("available").asInt();
  }

  /** The product's available and reserved units and its on-hand version. */
  Map<String, Integer> stock(String staff, String store, String sku) {
    Http.Response page = http.get("/api/v1/stores/" + store + "/stock?sku=" + sku, staff);
    expect(page, 200);
    var item = page.body().get("items").get(0);
    return Map.of(
        "available", item.get("available").asInt(),
        "reserved", item.get("reserved").asInt(),
        "onHandVersion", (int) item.get("onHandVersion").asLong());
  }

  /** Runs the work for 0..count-1 on the driver's connections; answers the seconds it took. */
  double inParallel(String phase, int count, IntConsumer work) throws Exception {
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
            "[%s] %s: %d/%d (%.0f s)%n",
            tag,
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
    System.out.printf(Locale.ROOT, "[%s] %s: %d/%d in %.2f s%n", tag, phase, count, count, seconds);
    return seconds;
  }

  static void expect(Http.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException(
          "expected " + status + " but got " + response.status() + ": " + response.body());
    }
  }
}
