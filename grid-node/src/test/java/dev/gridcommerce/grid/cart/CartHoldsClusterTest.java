package dev.gridcommerce.grid.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.CheckoutPolicy;
import dev.gridcommerce.grid.inventory.HoldCartProcessor;
import dev.gridcommerce.grid.sweep.StockSweep;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Reserve on add to cart" at a store that enables it, on a 2-member cluster. */
class CartHoldsClusterTest {

  private static final String A = ShoppingRun.sku(0);
  private static final String B = ShoppingRun.sku(1);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Carts carts;
  private Checkout checkout;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    maps = new GridMaps(grid.client());
    new ShoppingRun(2, 3, 0, 0).stock(maps);
    maps.stores()
        .put(
            ShoppingRun.STORE,
            new DarkStore(ShoppingRun.STORE, "Reserving store", new GeoPoint(52.5, 13.4), 3, true, "EUR"));
    carts = new Carts(maps, clock, CheckoutPolicy.DEFAULT);
    checkout = new Checkout(maps, clock, CheckoutPolicy.DEFAULT);
    carts.chooseStore("ada", ShoppingRun.STORE);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private Stock stock(String sku) {
    return maps.inventory().get(new StockKey(ShoppingRun.STORE, sku));
  }

  @Test
  void addingToTheCartHoldsTheUnitsAndAskingForMoreThanThereAreIsRefused() {
    assertThat(carts.setQuantity("ada", A, 2)).isInstanceOf(Carts.LineChange.Updated.class);
    assertThat(stock(A).holdOf(HoldCartProcessor.cartHolder("ada"))).isPresent();
    assertThat(stock(A).available()).isEqualTo(1);

    assertThat(carts.setQuantity("ada", A, 4)).isEqualTo(new Carts.LineChange.Short(4, 3));
    assertThat(carts.get("ada").line(A).orElseThrow().quantity()).isEqualTo(2);
    assertThat(carts.setQuantity("ada", A, 3)).isInstanceOf(Carts.LineChange.Updated.class);
    assertThat(stock(A).available()).isZero();
  }

  @Test
  void checkoutTakesTheCartsUnitsForTheOrder() {
    carts.setQuantity("ada", A, 2);

    CheckoutOutcome outcome = checkout.place("ada", "order-1");

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    assertThat(stock(A).holdOf("order-1").orElseThrow().quantity()).isEqualTo(2);
    assertThat(stock(A).holdOf(HoldCartProcessor.cartHolder("ada"))).isEmpty();
    assertThat(stock(A).available()).isEqualTo(1);
  }

  @Test
  void aShortCheckoutHandsTheHeldUnitsBackToTheCart() {
    carts.setQuantity("ada", A, 2);
    carts.setQuantity("ada", B, 1);
    maps.inventory()
        .executeOnKey(
            new StockKey(ShoppingRun.STORE, B),
            new HoldCartProcessor("cart:other", 0, clock.instant()));
    // the cart's hold on B expires and someone else takes every unit of B
    clock.advance(CheckoutPolicy.DEFAULT.cartHoldFor().plusSeconds(1));
    new StockSweep(maps, clock).run();
    maps.inventory()
        .executeOnKey(
            new StockKey(ShoppingRun.STORE, B),
            new HoldCartProcessor("cart:other", 3, clock.instant().plus(Duration.ofMinutes(5))));

    CheckoutOutcome outcome = checkout.place("ada", "order-1");

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Short.class);
    assertThat(stock(A).holdOf("order-1")).isEmpty();
    assertThat(stock(A).holdOf(HoldCartProcessor.cartHolder("ada")).orElseThrow().quantity())
        .isEqualTo(2);
  }

  @Test
  void leavingTheStoreOrEmptyingTheCartLetsTheUnitsGo() {
    carts.setQuantity("ada", A, 2);
    carts.empty("ada");
    assertThat(stock(A).available()).isEqualTo(3);

    carts.setQuantity("ada", B, 1);
    maps.stores()
        .put(
            "elsewhere",
            new DarkStore("elsewhere", "Elsewhere", new GeoPoint(52.6, 13.5), 3, false, "EUR"));
    carts.chooseStore("ada", "elsewhere");
    assertThat(stock(B).available()).isEqualTo(3);
  }
}
