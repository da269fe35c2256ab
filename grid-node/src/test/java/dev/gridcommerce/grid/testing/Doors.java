package dev.gridcommerce.grid.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.pricing.Vouchers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every capability's door over one grid connection (a member or a client), wired as an API node
 * wires them, with the default hold times.
 */
public record Doors(
    Catalog catalog,
    Inventory inventory,
    Carts carts,
    Orders orders,
    Checkout checkout,
    Accounts accounts,
    Vouchers vouchers) {

  public static final Duration HOLD_FOR = Duration.ofMinutes(10);
  public static final Duration CART_HOLD_FOR = Duration.ofMinutes(15);

  /**
   * Opens a store in Germany that delivers for free, selling one snack at {@code priceMinor} euro
   * cents (no stock yet).
   */
  public void openShop(String storeId, String sku, long priceMinor) {
    catalog.putStores(
        List.of(new DarkStore(storeId, "Mitte", new GeoPoint(52.52, 13.405), 3, false, "EUR")));
    catalog.putProducts(
        List.of(
            new Product(
                sku,
                "Chocolate Bar",
                "Sweet Tooth",
                "Snacks",
                "",
                Money.of(priceMinor, "EUR"),
                Map.of())));
  }

  public static Doors of(HazelcastInstance grid, Clock clock) {
    Catalog catalog = new Catalog(grid);
    Inventory inventory = new Inventory(grid, clock);
    Carts carts = new Carts(grid, clock, CART_HOLD_FOR, catalog, inventory);
    Orders orders = new Orders(grid, clock, inventory);
    Checkout checkout = new Checkout(grid, clock, HOLD_FOR, catalog, carts, inventory, orders);
    return new Doors(
        catalog, inventory, carts, orders, checkout, new Accounts(grid), new Vouchers(grid, clock));
  }
}
