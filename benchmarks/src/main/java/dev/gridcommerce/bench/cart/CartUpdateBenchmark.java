package dev.gridcommerce.bench.cart;

import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.bench.support.KeyChooser;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.cart.CartChange;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proves how many cart changes per second (set the quantity of one of 60 products in one of 10,000
 * shoppers' carts) the grid takes through its {@link Carts} door (the catalog check and the entry
 * processor on the cart), against:
 *
 * <ul>
 *   <li>{@code postgres}: an upsert of the cart line, {@code INSERT … ON CONFLICT (shopper, sku) DO
 *       UPDATE}, autocommit, durable, one connection per thread;
 *   <li>{@code concurrentHashMapCeiling}: the same domain function ({@link Cart#withQuantity}) with
 *       {@link ConcurrentHashMap#compute}.
 * </ul>
 *
 * The grid runs as 2 members in this JVM, called from a member ({@code gridEmbedded}) and from a
 * client over loopback ({@code gridClient}).
 */
@State(Scope.Benchmark)
public class CartUpdateBenchmark extends GridBenchmark {

  private static final int SHOPPERS = 10_000;

  /** Products a shopper picks from: a cart holds at most 100 lines. */
  private static final int PRODUCTS = 60;

  private BenchGrid grid;
  private Carts embedded;
  private Carts client;
  private TestDatabase db;
  private final ConcurrentHashMap<String, Cart> ceiling = new ConcurrentHashMap<>();

  @Setup(Level.Trial)
  public void start() {
    grid = new BenchGrid(2);
    Doors doors = Doors.of(grid.member(), GridClock.system());
    doors.catalog().putProducts(products());
    embedded = doors.carts();
    client = Doors.of(grid.client(), GridClock.system()).carts();
    db = TestDatabase.create(40);
    db.database()
        .jdbc()
        .execute(
            "CREATE TABLE bench_cart_lines (shopper text, sku text, quantity int NOT NULL, PRIMARY KEY (shopper, sku))");
  }

  @TearDown(Level.Trial)
  public void stop() {
    grid.close();
    db.close();
  }

  /** Per thread: a random source, and a connection for the SQL peer. */
  @State(Scope.Thread)
  public static class Shopper {
    final SplittableRandom random = new SplittableRandom();
    Connection connection;

    String shopper() {
      return "shopper-" + random.nextInt(SHOPPERS);
    }

    String sku() {
      return KeyChooser.sku(random.nextInt(PRODUCTS));
    }

    int quantity() {
      return 1 + random.nextInt(5);
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private static List<Product> products() {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < PRODUCTS; i++) {
      products.add(
          new Product(
              KeyChooser.sku(i),
              "Product " + i,
              "Brand",
              "Category",
              "",
              Money.of(100 + i, "EUR"),
              Map.of()));
    }
    return products;
  }

  @Benchmark
  public CartChange gridEmbedded(Shopper s) {
    return embedded.setQuantity(s.shopper(), s.sku(), s.quantity());
  }

  @Benchmark
  public CartChange gridClient(Shopper s) {
    return client.setQuantity(s.shopper(), s.sku(), s.quantity());
  }

  @Benchmark
  public int postgres(Shopper s) throws SQLException {
    if (s.connection == null) {
      s.connection = db.database().dataSource().getConnection();
    }
    try (PreparedStatement upsert =
        s.connection.prepareStatement(
            "INSERT INTO bench_cart_lines VALUES (?, ?, ?) ON CONFLICT (shopper, sku) DO UPDATE SET quantity = EXCLUDED.quantity")) {
      upsert.setString(1, s.shopper());
      upsert.setString(2, s.sku());
      upsert.setInt(3, s.quantity());
      return upsert.executeUpdate();
    }
  }

  @Benchmark
  public Cart concurrentHashMapCeiling(Shopper s) {
    String sku = s.sku();
    int quantity = s.quantity();
    Instant now = Instant.now();
    return ceiling.compute(
        s.shopper(),
        (k, cart) -> (cart == null ? Cart.empty(now) : cart).withQuantity(sku, quantity, now));
  }
}
