package dev.gridcommerce.grid.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.demo.DemoCatalog;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.GridClock;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.cart.ChooseStoreProcessor;
import dev.gridcommerce.grid.cart.SetCartLineProcessor;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.CheckoutPolicy;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes through the grid, shuts the whole cluster down gracefully, starts a fresh cluster on the
 * same PostgreSQL database and reads the same state back.
 */
class GridRestartRoundTripTest {

  private static final DemoCatalog CATALOG = DemoCatalog.generate(5, 300);

  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void restartedClusterHasTheSameStateAsBefore() {
    Instant now = GridClock.system().instant();
    String store = CATALOG.stores().getFirst().id();
    String sku = CATALOG.products().get(7).sku();
    Map<StockKey, Stock> inventoryBefore;
    Order orderBefore;
    Cart cartBefore;
    Account account =
        new Account("u1", "ada@example.com", "Ada", "hash", Set.of(Role.SHOPPER), Set.of(), now);

    try (TestGrid grid = TestGrid.persistingTo(db.database()).start(2)) {
      GridMaps maps = grid.maps();
      TestGrid.load(maps, CATALOG);
      maps.inventory().put(new StockKey(store, sku), Stock.of(5));
      maps.carts().executeOnKey("ada", new ChooseStoreProcessor(store, now));
      maps.carts().executeOnKey("ada", new SetCartLineProcessor(sku, 2, now));
      CheckoutOutcome outcome =
          new Checkout(maps, GridClock.system(), CheckoutPolicy.DEFAULT).place("ada", "order-1");
      orderBefore = ((CheckoutOutcome.Placed) outcome).order();
      maps.carts().executeOnKey("bob", new SetCartLineProcessor(sku, 1, now));
      maps.accounts().put(account.email(), account);
      inventoryBefore = new HashMap<>(maps.inventory());
      cartBefore = maps.carts().get("bob");

      grid.shutdown();
    }

    try (TestGrid grid = TestGrid.persistingTo(db.reopen()).start(2)) {
      GridMaps maps = grid.maps();
      assertThat(maps.stores().size()).isEqualTo(CATALOG.stores().size());
      assertThat(maps.products().size()).isEqualTo(CATALOG.products().size());
      assertThat(maps.products().get(sku)).isEqualTo(CATALOG.products().get(7));
      assertThat(new HashMap<>(maps.inventory())).isEqualTo(inventoryBefore);
      assertThat(maps.inventory().get(new StockKey(store, sku)).reserved()).isEqualTo(2);
      assertThat(maps.orders().get("order-1")).isEqualTo(orderBefore);
      assertThat(maps.carts().get("bob")).isEqualTo(cartBefore);
      assertThat(maps.carts().get("ada").lines()).isEmpty();
      assertThat(maps.accounts().get("ada@example.com")).isEqualTo(account);
    }
  }
}
