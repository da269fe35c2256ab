package dev.gridcommerce.grid.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 7 and the cold start: every map is written through a 3-member grid whose write-behind delay
 * is longer than the test, the whole cluster is shut down gracefully (so only the flush on shutdown
 * can have stored anything), and a fresh 3-member cluster on the same database has the same state:
 * products and inventory loaded at start, the rest by key.
 */
class GridRestartRoundTripTest {

  private static final DemoCatalog CATALOG = DemoCatalog.generate(5, 300);

  private final Clock clock = GridClock.system();
  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private record Snapshot(
      Map<String, DarkStore> stores,
      Map<String, Product> products,
      Map<StockKey, Stock> inventory,
      Map<String, Order> orders,
      Map<String, Cart> carts,
      Map<String, Account> accounts,
      Map<String, CheckoutAttempt> attempts) {

    static Snapshot of(GridMaps maps, Set<String> orderIds) {
      return new Snapshot(
          new HashMap<>(maps.stores()),
          new HashMap<>(maps.products()),
          new HashMap<>(maps.inventory()),
          maps.orders().getAll(orderIds),
          maps.carts().getAll(Set.of("ada", "bob")),
          maps.accounts().getAll(Set.of("ada@example.com")),
          maps.checkoutAttempts().getAll(Set.of(KEY.scoped())));
    }
  }

  @Test
  void aGracefullyStoppedClusterComesBackWithTheSameState() {
    String store = CATALOG.stores().getFirst().id();
    String sku = CATALOG.products().get(7).sku();
    Instant now = clock.instant();
    Snapshot before;
    Set<String> orderIds;

    try (TestGrid grid = TestGrid.persistingTo(db.database()).writeDelay(600).start(3)) {
      GridMaps maps = grid.maps();
      Doors doors = grid.doors(clock);
      TestGrid.load(doors, CATALOG);
      maps.inventory().put(new StockKey(store, sku), Stock.of(5));
      doors
          .inventory()
          .adjust(new StockKey(store, sku), "m-1", 7, MovementReason.DELIVERY, "pallet", "staff");
      doors
          .accounts()
          .create(
              new Account(
                  "u1", "ada@example.com", "Ada", "hash", Set.of(Role.SHOPPER), Set.of(), now));
      String paid = placeFor(doors, "ada", store, sku, 2, KEY);
      String delivered = placeFor(doors, "ada", store, sku, 1, null);
      doors.orders().paid(paid, new PaymentReference("test", "pay-1"));
      doors.orders().paid(delivered, new PaymentReference("test", "pay-2"));
      for (OrderStatus next :
          new OrderStatus[] {
            OrderStatus.PICKING,
            OrderStatus.PACKED,
            OrderStatus.OUT_FOR_DELIVERY,
            OrderStatus.DELIVERED
          }) {
        doors.orders().move(delivered, next);
      }
      doors.carts().setQuantity("bob", sku, 1);
      orderIds = Set.of(paid, delivered);
      before = Snapshot.of(maps, orderIds);
      assertThat(before.inventory().get(new StockKey(store, sku)).movements()).hasSize(2);
      assertThat(before.orders().get(delivered).events()).hasSize(6);
      // the delivered order leaves the grid; it must load back from PostgreSQL by id
      assertThat(doors.orders().evictClosed(Duration.ZERO)).isEqualTo(1);

      grid.shutdown();
    }
    assertThat(
            db.database().jdbc().queryForObject("SELECT count(*) FROM stock_movements", Long.class))
        .isEqualTo(2);
    assertThat(db.database().jdbc().queryForObject("SELECT count(*) FROM order_events", Long.class))
        .as("PLACED and PAID, and PLACED to DELIVERED")
        .isEqualTo(8);

    try (TestGrid grid = TestGrid.persistingTo(db.reopen()).start(3)) {
      GridMaps maps = grid.maps();
      // loaded at start, before any read by key, and spread over the members
      assertThat(grid.members())
          .allSatisfy(member ->
              assertThat(member.getMap("inventory").getLocalMapStats().getOwnedEntryCount())
                  .isPositive());
      assertThat(
              grid.members().stream()
                  .mapToLong(m -> m.getMap("inventory").getLocalMapStats().getOwnedEntryCount())
                  .sum())
          .isEqualTo(before.inventory().size());
      assertThat(Snapshot.of(maps, orderIds)).isEqualTo(before);
      assertThat(maps.shopperOrders().get("ada").orders())
          .extracting(ShopperOrders.Placed::orderId)
          .containsExactlyInAnyOrderElementsOf(orderIds);
    }
  }

  private static final IdempotencyKey KEY = new IdempotencyKey("ada", "key-1");

  private static String placeFor(
      Doors doors, String shopper, String store, String sku, int units, IdempotencyKey key) {
    doors.carts().chooseStore(shopper, store);
    doors.carts().setQuantity(shopper, sku, units);
    CheckoutOutcome placed = doors.checkout().place(new CheckoutRequest(shopper, key, null));
    return ((CheckoutOutcome.Placed) placed).order().id();
  }
}
