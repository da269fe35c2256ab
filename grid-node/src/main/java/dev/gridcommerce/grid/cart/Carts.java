package dev.gridcommerce.grid.cart;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.checkout.CheckoutPolicy;
import dev.gridcommerce.grid.inventory.HoldCartProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.inventory.StockChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes shoppers' carts. At a dark store that reserves on add-to-cart, setting a line's quantity
 * first holds exactly that many units for the cart (refused when they aren't available), with an
 * expiry renewed on every change; leaving the store or emptying the cart lets them go. A checkout
 * then moves the cart's units to the order.
 */
public final class Carts {

  /** What setting a line's quantity came to. */
  public sealed interface LineChange {
    record Updated(Cart cart) implements LineChange {}

    /** The store reserves on add-to-cart and has only {@code available} units for this cart. */
    record Short(int requested, int available) implements LineChange {}
  }

  private final GridMaps maps;
  private final Clock clock;
  private final CheckoutPolicy policy;

  public Carts(GridMaps maps, Clock clock, CheckoutPolicy policy) {
    this.maps = maps;
    this.clock = clock;
    this.policy = policy;
  }

  public Cart get(String shopperId) {
    Cart cart = maps.carts().get(shopperId);
    return cart == null ? Cart.empty(clock.instant()) : cart;
  }

  public Cart chooseStore(String shopperId, String storeId) {
    Cart current = maps.carts().get(shopperId);
    if (current != null && current.storeId() != null && !current.storeId().equals(storeId)) {
      letGoOfHolds(shopperId, current);
    }
    return maps.carts().executeOnKey(shopperId, new ChooseStoreProcessor(storeId, clock.instant()));
  }

  public LineChange setQuantity(String shopperId, String sku, int quantity) {
    Instant now = clock.instant();
    Cart cart = get(shopperId);
    if (reservesOnAdd(cart.storeId())) {
      StockOutcome held =
          maps.inventory()
              .executeOnKey(
                  new StockKey(cart.storeId(), sku),
                  new HoldCartProcessor(
                      HoldCartProcessor.cartHolder(shopperId),
                      quantity,
                      now.plus(policy.cartHoldFor())));
      if (held instanceof StockOutcome.ShortOf s) {
        return new LineChange.Short(s.requested(), s.available());
      }
    }
    return new LineChange.Updated(
        maps.carts().executeOnKey(shopperId, new SetCartLineProcessor(sku, quantity, now)));
  }

  public void empty(String shopperId) {
    Cart current = maps.carts().get(shopperId);
    if (current != null) {
      letGoOfHolds(shopperId, current);
    }
    maps.carts().executeOnKey(shopperId, new EmptyCartProcessor(clock.instant()));
  }

  private boolean reservesOnAdd(String storeId) {
    if (storeId == null) {
      return false;
    }
    DarkStore store = maps.stores().get(storeId);
    return store != null && store.reserveOnAddToCart();
  }

  private void letGoOfHolds(String shopperId, Cart cart) {
    if (!reservesOnAdd(cart.storeId()) || cart.isEmpty()) {
      return;
    }
    Set<StockKey> keys =
        cart.lines().stream()
            .map(CartLine::sku)
            .map(sku -> new StockKey(cart.storeId(), sku))
            .collect(Collectors.toSet());
    new StockChanges(maps.inventory())
        .applyToEach(keys, new ReleaseHoldProcessor(HoldCartProcessor.cartHolder(shopperId)));
  }
}
