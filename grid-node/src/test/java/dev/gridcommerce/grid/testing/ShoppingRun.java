package dev.gridcommerce.grid.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.CheckoutPolicy;
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
import java.util.function.IntConsumer;

/**
 * A crowd of shoppers checking out at once at one dark store whose products have too little stock:
 * each shopper's cart has a few distinct products, one or two units each, chosen by a fixed seed.
 */
public final class ShoppingRun {

  public static final String STORE = "test-store";

  /** How one shopper's checkout ended: an outcome, or the exception it threw. */
  public record Result(String orderId, CheckoutOutcome outcome, RuntimeException failure) {

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
  public void stock(GridMaps maps) {
    maps.stores()
        .put(STORE, new DarkStore(STORE, "Test store", new GeoPoint(52.5, 13.4), 3, false, "EUR"));
    Map<String, Product> catalog = new HashMap<>();
    Map<StockKey, Stock> stock = new HashMap<>();
    for (int i = 0; i < products; i++) {
      catalog.put(
          sku(i),
          new Product(
              sku(i), "Product " + i, "Brand", "Category", "", Money.of(100 + i, "EUR"), Map.of()));
      stock.put(new StockKey(STORE, sku(i)), Stock.of(unitsEach));
    }
    maps.products().putAll(catalog);
    maps.inventory().putAll(stock);
  }

  /** Fills every shopper's cart. */
  public void fillCarts(GridMaps maps, Clock clock) {
    SplittableRandom random = new SplittableRandom(42);
    for (int shopper = 0; shopper < shoppers; shopper++) {
      String id = shopperId(shopper);
      maps.carts().executeOnKey(id, new ChooseStoreProcessor(STORE, clock.instant()));
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < linesPerCart) {
        int product = random.nextInt(products);
        if (!chosen.contains(product)) {
          chosen.add(product);
          maps.carts()
              .executeOnKey(
                  id,
                  new SetCartLineProcessor(sku(product), 1 + random.nextInt(2), clock.instant()));
        }
      }
    }
  }

  public static String shopperId(int shopper) {
    return "shopper-" + shopper;
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
    java.util.concurrent.atomic.AtomicInteger finished =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < shoppers; i++) {
      int shopper = i;
      Checkout checkout =
          new Checkout(
              new GridMaps(clients.get(i % clients.size())), clock, CheckoutPolicy.DEFAULT);
      checkouts.add(() -> {
        start.await();
        String orderId = "order-" + shopper;
        try {
          return new Result(orderId, checkout.place(shopperId(shopper), orderId), null);
        } catch (RuntimeException e) {
          return new Result(orderId, null, e);
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
