package dev.gridcommerce.bench.checkout;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.bench.support.GridBenchmark;
import dev.gridcommerce.bench.support.KeyChooser;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.Tracing;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;

/**
 * Proves how many full 3-line checkouts per second the grid places and undoes: the real {@link
 * Checkout} door (read the cart, the store and the 3 products, hold the 3 lines in parallel, write
 * the order with its PLACED event, empty the cart), then the cancellation through the {@link
 * Orders} door (order status change with its event, release of the 3 holds, settle) and the order's
 * removal, with the cart refilled before each. {@code lines=spread}: the 3 products are picked
 * uniformly among 1,000, so checkouts rarely meet on a product; {@code lines=flashSale}: every cart
 * has the one hot product and 2 others, so every checkout contends for it.
 *
 * <ul>
 *   <li>{@code gridEmbedded} and {@code gridClient}: on a 2-member grid in this JVM, from a member
 *       and from a client over loopback; {@code gridClientTraced}: from the client under a trace
 *       id, as an API node sends a request's steps;
 *   <li>{@code postgres}: the same in SQL, one durable transaction for the checkout (3 row-locked
 *       conditional UPDATEs in sku order, so that concurrent checkouts can't deadlock, the order
 *       row and its 3 line rows) and one for the cancellation (3 UPDATEs back, the rows deleted),
 *       over one connection per thread.
 * </ul>
 */
@State(Scope.Benchmark)
public class CheckoutBenchmark extends GridBenchmark {

  /** {@code spread}: 3 products of 1,000; {@code flashSale}: every cart has the one hot product. */
  @Param({"spread", "flashSale"})
  public String lines;

  private static final String STORE = "bench-store";
  private static final int PRODUCTS = 1_000;
  private static final int UNITS = 1_000_000;

  private final Clock clock = GridClock.system();
  private BenchGrid grid;
  private Shop embedded;
  private Shop client;
  private TestDatabase db;

  /** The grid's doors and maps over one connection (a member, or a client). */
  private record Shop(Doors doors, GridMaps maps) {
    static Shop on(HazelcastInstance grid, Clock clock) {
      return new Shop(Doors.of(grid, clock), new GridMaps(grid));
    }
  }

  @Setup(Level.Trial)
  public void start() {
    grid = new BenchGrid(2);
    embedded = Shop.on(grid.member(), clock);
    client = Shop.on(grid.client(), clock);
    embedded
        .maps()
        .stores()
        .set(STORE, new DarkStore(STORE, "Bench store", new GeoPoint(52.5, 13.4), 3, false, "EUR"));
    Map<String, Product> products = new HashMap<>();
    Map<StockKey, Stock> stock = new HashMap<>();
    for (int i = 0; i < PRODUCTS; i++) {
      String sku = KeyChooser.sku(i);
      products.put(
          sku,
          new Product(
              sku, "Product " + i, "Brand", "Category", "", Money.of(100 + i, "EUR"), Map.of()));
      stock.put(new StockKey(STORE, sku), Stock.of(UNITS));
    }
    embedded.maps().products().putAll(products);
    embedded.maps().inventory().putAll(stock);
    db = TestDatabase.create(40);
    db.database()
        .jdbc()
        .execute(
            """
            CREATE TABLE bench_stock (sku text PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL
              CHECK (reserved >= 0 AND reserved <= on_hand));
            CREATE TABLE bench_orders (id text PRIMARY KEY, shopper text NOT NULL, total bigint NOT NULL);
            CREATE TABLE bench_order_lines (order_id text REFERENCES bench_orders, line int, sku text,
              quantity int, PRIMARY KEY (order_id, line));
            """);
    db.database()
        .jdbc()
        .update(
            "INSERT INTO bench_stock SELECT 'SKU-' || lpad(i::text, 5, '0'), ?, 0 FROM generate_series(0, ? - 1) i",
            UNITS,
            PRODUCTS);
  }

  @TearDown(Level.Trial)
  public void stop() {
    grid.close();
    db.close();
  }

  /** Per thread: a shopper, a random source, and a connection for the SQL peer. */
  @State(Scope.Thread)
  public static class Shopper {
    final String id = "shopper-" + UUID.randomUUID();
    final String traceId = UUID.randomUUID().toString().replace("-", "");
    final SplittableRandom random = new SplittableRandom();
    Connection connection;

    int[] threeProducts(boolean flashSale) {
      int a = flashSale ? 0 : random.nextInt(PRODUCTS);
      int b;
      int c;
      do {
        b = random.nextInt(PRODUCTS);
      } while (b == a);
      do {
        c = random.nextInt(PRODUCTS);
      } while (c == a || c == b);
      return new int[] {a, b, c};
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private CheckoutOutcome placeAndCancel(Shop shop, Shopper shopper) {
    Cart cart = Cart.empty(clock.instant()).atStore(STORE, clock.instant());
    for (int product : shopper.threeProducts(lines.equals("flashSale"))) {
      cart = cart.withQuantity(KeyChooser.sku(product), 1, clock.instant());
    }
    shop.maps().carts().set(shopper.id, cart);
    CheckoutOutcome outcome =
        shop.doors().checkout().place(new CheckoutRequest(shopper.id, null, null));
    if (!(outcome instanceof CheckoutOutcome.Placed placed)) {
      throw new IllegalStateException("checkout failed: " + outcome);
    }
    String orderId = placed.order().id();
    shop.doors().orders().move(orderId, OrderStatus.CANCELLED);
    shop.maps().orders().delete(orderId);
    return outcome;
  }

  @Benchmark
  public CheckoutOutcome gridEmbedded(Shopper shopper) {
    return placeAndCancel(embedded, shopper);
  }

  @Benchmark
  public CheckoutOutcome gridClient(Shopper shopper) {
    return placeAndCancel(client, shopper);
  }

  /**
   * {@code gridClient} as an API node runs it for a request: under a trace id, so every stock
   * change, the cart's emptying and the order's move travel wrapped with it ({@link Tracing#step})
   * and run under it on the member (its step lines off, as by default).
   */
  @Benchmark
  public CheckoutOutcome gridClientTraced(Shopper shopper) {
    MDC.put(Tracing.TRACE_ID, shopper.traceId);
    try {
      return placeAndCancel(client, shopper);
    } finally {
      MDC.remove(Tracing.TRACE_ID);
    }
  }

  @Benchmark
  public String postgres(Shopper shopper) throws SQLException {
    if (shopper.connection == null) {
      shopper.connection = db.database().dataSource().getConnection();
      shopper.connection.setAutoCommit(false);
    }
    Connection c = shopper.connection;
    int[] products = shopper.threeProducts(lines.equals("flashSale"));
    int[] lockOrder = products.clone();
    Arrays.sort(lockOrder); // rows locked in one global order: concurrent checkouts can't deadlock
    String orderId = UUID.randomUUID().toString();
    try (PreparedStatement hold =
            c.prepareStatement(
                "UPDATE bench_stock SET reserved = reserved + 1 WHERE sku = ? AND on_hand - reserved >= 1");
        PreparedStatement order = c.prepareStatement("INSERT INTO bench_orders VALUES (?, ?, ?)");
        PreparedStatement line =
            c.prepareStatement("INSERT INTO bench_order_lines VALUES (?, ?, ?, 1)")) {
      for (int product : lockOrder) {
        hold.setString(1, KeyChooser.sku(product));
        if (hold.executeUpdate() != 1) {
          c.rollback();
          throw new IllegalStateException("stock ran out");
        }
      }
      order.setString(1, orderId);
      order.setString(2, shopper.id);
      order.setLong(3, 300);
      order.executeUpdate();
      for (int i = 0; i < 3; i++) {
        line.setString(1, orderId);
        line.setInt(2, i);
        line.setString(3, KeyChooser.sku(products[i]));
        line.addBatch();
      }
      line.executeBatch();
      c.commit();
    }
    try (PreparedStatement release =
            c.prepareStatement("UPDATE bench_stock SET reserved = reserved - 1 WHERE sku = ?");
        PreparedStatement lines =
            c.prepareStatement("DELETE FROM bench_order_lines WHERE order_id = ?");
        PreparedStatement order = c.prepareStatement("DELETE FROM bench_orders WHERE id = ?")) {
      for (int product : lockOrder) {
        release.setString(1, KeyChooser.sku(product));
        release.addBatch();
      }
      release.executeBatch();
      lines.setString(1, orderId);
      lines.executeUpdate();
      order.setString(1, orderId);
      order.executeUpdate();
      c.commit();
    }
    return orderId;
  }
}
