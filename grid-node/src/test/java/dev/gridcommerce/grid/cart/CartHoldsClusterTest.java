package dev.gridcommerce.grid.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Carts, and "reserve on add to cart" at a store that enables it, on a 2-member cluster. */
class CartHoldsClusterTest {

  private static final String A = ShoppingRun.sku(0);
  private static final String B = ShoppingRun.sku(1);
  private static final IdempotencyKey KEY = new IdempotencyKey("ada", "order-1");

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;
  private Carts carts;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    maps = new GridMaps(grid.client());
    doors = Doors.of(grid.client(), clock);
    new ShoppingRun(2, 3, 0, 0).stock(doors);
    doors
        .catalog()
        .putStores(
            List.of(
                new DarkStore(
                    ShoppingRun.STORE,
                    "Reserving store",
                    new GeoPoint(52.5, 13.4),
                    3,
                    true,
                    "EUR")));
    carts = doors.carts();
    carts.chooseStore("ada", ShoppingRun.STORE);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  private Stock stock(String sku) {
    return maps.inventory().get(new StockKey(ShoppingRun.STORE, sku));
  }

  private CheckoutOutcome checkOut() {
    return doors.checkout().place(new CheckoutRequest("ada", KEY, null));
  }

  /** The order id the key's attempt placed, or tried to place. */
  private String attemptedOrderId() {
    return maps.checkoutAttempts().get(KEY.scoped()).orderId();
  }

  @Test
  void aCartIsPricedByThePricingFunctionInItsStoresCurrency() {
    CartChange changed = carts.setQuantity("ada", A, 2);

    PriceBreakdown price = ((CartChange.Updated) changed).cart().price();
    assertThat(price.subtotal().amountMinor()).isEqualTo(2 * 100);
    assertThat(price.total()).isEqualTo(price.subtotal());
    assertThat(price.currency()).isEqualTo("EUR");
    assertThat(carts.get("bob").price()).isNull();
  }

  @Test
  void unknownProductsAndStoresAreRefusedAndChangeNothing() {
    assertThat(carts.setQuantity("ada", "NOPE-1", 1))
        .isEqualTo(new CartChange.UnknownProduct("NOPE-1"));
    assertThat(carts.chooseStore("ada", "atlantis"))
        .isEqualTo(new CartChange.UnknownStore("atlantis"));
    assertThat(carts.cart("ada").isEmpty()).isTrue();
    assertThat(carts.cart("ada").storeId()).isEqualTo(ShoppingRun.STORE);
  }

  @Test
  void addingToTheCartHoldsTheUnitsAndAskingForMoreThanThereAreIsRefused() {
    assertThat(carts.setQuantity("ada", A, 2)).isInstanceOf(CartChange.Updated.class);
    assertThat(stock(A).holdOf(Hold.cartHolder("ada"))).isPresent();
    assertThat(stock(A).available()).isEqualTo(1);

    assertThat(carts.setQuantity("ada", A, 4)).isEqualTo(new CartChange.Short(A, 4, 3));
    assertThat(carts.cart("ada").line(A).orElseThrow().quantity()).isEqualTo(2);
    assertThat(carts.setQuantity("ada", A, 3)).isInstanceOf(CartChange.Updated.class);
    assertThat(stock(A).available()).isZero();
  }

  @Test
  void checkoutTakesTheCartsUnitsForTheOrder() {
    carts.setQuantity("ada", A, 2);

    CheckoutOutcome outcome = checkOut();

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    String orderId = ((CheckoutOutcome.Placed) outcome).order().id();
    assertThat(stock(A).holdOf(orderId).orElseThrow().quantity()).isEqualTo(2);
    assertThat(stock(A).holdOf(Hold.cartHolder("ada"))).isEmpty();
    assertThat(stock(A).available()).isEqualTo(1);
  }

  @Test
  void aShortCheckoutHandsTheHeldUnitsBackToTheCart() {
    carts.setQuantity("ada", A, 2);
    carts.setQuantity("ada", B, 1);
    // the cart's hold on B expires and someone else takes every unit of B
    clock.advance(Doors.CART_HOLD_FOR.plusSeconds(1));
    doors.orders().sweep();
    doors
        .inventory()
        .holdExactly(
            new StockKey(ShoppingRun.STORE, B),
            "cart:other",
            3,
            clock.instant().plus(Duration.ofMinutes(5)));

    CheckoutOutcome outcome = checkOut();

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Short.class);
    assertThat(stock(A).holdOf(attemptedOrderId())).isEmpty();
    assertThat(stock(A).holdOf(Hold.cartHolder("ada")).orElseThrow().quantity()).isEqualTo(2);
  }

  @Test
  void leavingTheStoreOrEmptyingTheCartLetsTheUnitsGo() {
    carts.setQuantity("ada", A, 2);
    carts.empty("ada");
    assertThat(stock(A).available()).isEqualTo(3);

    carts.setQuantity("ada", B, 1);
    doors
        .catalog()
        .putStores(
            List.of(
                new DarkStore(
                    "elsewhere", "Elsewhere", new GeoPoint(52.6, 13.5), 3, false, "EUR")));
    carts.chooseStore("ada", "elsewhere");
    assertThat(stock(B).available()).isEqualTo(3);
  }
}
