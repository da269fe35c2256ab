package dev.gridcommerce.grid.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A crowd of shoppers checking out at once at one dark store whose products have too little stock:
 * each shopper's cart has a few distinct products, one or two units each, chosen by a fixed seed.
 * Shopper i checks out under the Idempotency-Key {@code order-i}.
 */
public final class ShoppingRun {

  public static final String STORE = "test-store";

  /** How one shopper's checkout ended: an outcome, or the exception it threw. */
  public record Result(IdempotencyKey key, CheckoutOutcome outcome, RuntimeException failure) {

    /** The order id the shopper's key placed or tried to place, if its attempt got that far. */
    public String orderId(GridMaps maps) {
      if (outcome instanceof CheckoutOutcome.Placed placed) {
        return placed.order().id();
      }
      CheckoutAttempt attempt = maps.checkoutAttempts().get(key.scoped());
      return attempt == null ? null : attempt.orderId();
    }

    public boolean placed() {
      return outcome instanceof CheckoutOutcome.Placed;
    }

    public boolean isShort() {
      return outcome instanceof CheckoutOutcome.Short;
    }
  }

  private final int products;
  private final int unitsEach;
  private final int shoppers;
  private final int linesPerCart;

  public ShoppingRun(int products, int unitsEach, int shoppers, int linesPerCart) {
    this.products = products;
    this.unitsEach = unitsEach;
    this.shoppers = shoppers;
    this.linesPerCart = linesPerCart;
  }

  public static String sku(int i) {
    return "SKU-%05d".formatted(i);
  }

  /** Puts the store, the products and their stock into the grid. */
  public void stock(Doors doors) {
    doors
        .catalog()
        .putStores(
            List.of(new DarkStore(STORE, "Test store", new GeoPoint(52.5, 13.4), 3, false, "EUR")));
    List<Product> catalog = new ArrayList<>();
    Map<StockKey, Integer> stock = new HashMap<>();
    for (int i = 0; i < products; i++) {
      catalog.add(
          new Product(
              sku(i), "Product " + i, "Brand", "Category", "", Money.of(100 + i, "EUR"), Map.of()));
      stock.put(new StockKey(STORE, sku(i)), unitsEach);
    }
    doors.catalog().putProducts(catalog);
    doors.inventory().stockUp(stock);
  }

  /** Fills every shopper's cart. */
  public void fillCarts(Doors doors) {
    SplittableRandom random = new SplittableRandom(42);
    for (int shopper = 0; shopper < shoppers; shopper++) {
      String id = shopperId(shopper);
      doors.carts().chooseStore(id, STORE);
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < linesPerCart) {
        int product = random.nextInt(products);
        if (!chosen.contains(product)) {
          chosen.add(product);
          doors.carts().setQuantity(id, sku(product), 1 + random.nextInt(2));
        }
      }
    }
  }

  public static String shopperId(int shopper) {
    return "shopper-" + shopper;
  }

  /** The Idempotency-Key shopper i checks out under. */
  public static IdempotencyKey keyOf(int shopper) {
    return new IdempotencyKey(shopperId(shopper), "order-" + shopper);
  }

  /**
   * Lets every shopper check out at the same moment through the given clients (shopper i through
   * client i mod n), on {@code threads} threads. {@code duringRun} is called with each finished
   * checkout's number, to break something mid-run.
   */
  public List<Result> checkOut(
      List<HazelcastInstance> clients, Clock clock, int threads, IntConsumer duringRun)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Result>> checkouts = new ArrayList<>();
    AtomicInteger finished = new AtomicInteger();
    List<Doors> doors = clients.stream().map(client -> Doors.of(client, clock)).toList();
    for (int i = 0; i < shoppers; i++) {
      int shopper = i;
      Doors through = doors.get(i % doors.size());
      checkouts.add(() -> {
        start.await();
        IdempotencyKey key = keyOf(shopper);
        try {
          return new Result(
              key,
              through.checkout().place(new CheckoutRequest(shopperId(shopper), key, null)),
              null);
        } catch (RuntimeException e) {
          return new Result(key, null, e);
        } finally {
          duringRun.accept(finished.incrementAndGet());
        }
      });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Result>> futures = checkouts.stream().map(pool::submit).toList();
      start.countDown();
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }

  public static List<Order> placedOrders(List<Result> results) {
    return results.stream()
        .filter(Result::placed)
        .map(r -> ((CheckoutOutcome.Placed) r.outcome()).order())
        .toList();
  }
}
