package dev.gridcommerce.grid.cart;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.domain.pricing.PricedLine;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.domain.pricing.Quote;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherVerdict;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.pricing.Vouchers;
import dev.gridcommerce.grid.support.Futures;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Shoppers' carts: the one door to the {@code carts} map. Every change is an entry processor on the
 * cart's key, so two devices changing one cart both land. At a dark store that reserves on
 * add-to-cart, setting a line's quantity first holds exactly that many units for the cart (refused
 * when they aren't available), with an expiry renewed on every change; leaving the store or
 * emptying the cart lets them go. A checkout then moves the cart's units to the order.
 */
public final class Carts {

  private final IMap<String, Cart> carts;
  private final Catalog catalog;
  private final Vouchers vouchers;
  private final Inventory inventory;
  private final Clock clock;
  private final Duration cartHoldFor;

  /**
   * @param cartHoldFor how long a cart holds stock at a store that reserves on add-to-cart, from
   *     the cart's last change
   */
  public Carts(
      HazelcastInstance grid,
      Clock clock,
      Duration cartHoldFor,
      Catalog catalog,
      Inventory inventory) {
    if (!cartHoldFor.isPositive()) {
      throw new IllegalArgumentException("a cart's hold time must be positive");
    }
    this.carts = new GridMaps(grid).carts();
    this.vouchers = new Vouchers(grid, clock);
    this.catalog = catalog;
    this.inventory = inventory;
    this.clock = clock;
    this.cartHoldFor = cartHoldFor;
  }

  /** The Compact serializers of carts and of the processors that change them. */
  public static List<CompactSerializer<?>> serializers() {
    return CartSerializers.all();
  }

  /** The shopper's cart as it is (empty for a shopper without one). */
  public Cart cart(String shopperId) {
    return Futures.join(cartAsync(shopperId));
  }

  /** The shopper's cart as it is, read without waiting for it. */
  public CompletableFuture<Cart> cartAsync(String shopperId) {
    Instant now = clock.instant();
    return carts
        .getAsync(shopperId)
        .toCompletableFuture()
        .thenApply(cart -> cart == null ? Cart.empty(now) : cart);
  }

  /** The shopper's cart with today's prices. */
  public PricedCart get(String shopperId) {
    return priced(shopperId, cart(shopperId));
  }

  /**
   * Names the voucher the cart is to use (its code in any case); the cart then shows whether it
   * applies and why not. Refused for a code no voucher has.
   */
  public CartChange useVoucher(String shopperId, String code) {
    Optional<Voucher> voucher = vouchers.voucher(code);
    if (voucher.isEmpty()) {
      return new CartChange.UnknownVoucher(code);
    }
    return updated(
        shopperId,
        carts.executeOnKey(
            shopperId, new SetVoucherProcessor(voucher.get().terms().code(), now())));
  }

  /** Takes the voucher off the cart. */
  public PricedCart dropVoucher(String shopperId) {
    return priced(shopperId, carts.executeOnKey(shopperId, new SetVoucherProcessor(null, now())));
  }

  public CartChange chooseStore(String shopperId, String storeId) {
    if (!catalog.hasStore(storeId)) {
      return new CartChange.UnknownStore(storeId);
    }
    Cart current = carts.get(shopperId);
    if (current != null && current.storeId() != null && !current.storeId().equals(storeId)) {
      letGoOfHolds(shopperId, current);
    }
    return updated(
        shopperId, carts.executeOnKey(shopperId, new ChooseStoreProcessor(storeId, now())));
  }

  /** Sets a line's quantity; 0 removes the line. */
  public CartChange setQuantity(String shopperId, String sku, int quantity) {
    return setLine(shopperId, sku, quantity, null);
  }

  /**
   * Sets a line's quantity (0 removes the line) and, unless null, what the shopper wants when it is
   * short at picking; a named substitute must be a product the catalog sells.
   */
  public CartChange setLine(String shopperId, String sku, int quantity, Substitution substitution) {
    if (!catalog.sells(sku)) {
      return new CartChange.UnknownProduct(sku);
    }
    if (substitution != null && substitution.sku() != null && !catalog.sells(substitution.sku())) {
      return new CartChange.UnknownProduct(substitution.sku());
    }
    Instant now = now();
    Cart cart = cart(shopperId);
    if (reservesOnAdd(cart.storeId())) {
      StockOutcome held =
          inventory.holdExactly(
              new StockKey(cart.storeId(), sku),
              Hold.cartHolder(shopperId),
              quantity,
              now.plus(cartHoldFor));
      if (held instanceof StockOutcome.ShortOf s) {
        return new CartChange.Short(sku, s.requested(), s.available());
      }
    }
    return updated(
        shopperId,
        carts.executeOnKey(
            shopperId,
            new SetCartLineProcessor(
                sku, quantity, substitution == null ? null : substitution.encoded(), now)));
  }

  /** Removes every line, letting go of what the cart held. */
  public void empty(String shopperId) {
    Cart current = carts.get(shopperId);
    if (current != null) {
      letGoOfHolds(shopperId, current);
    }
    carts.executeOnKey(shopperId, new EmptyCartProcessor(now()));
  }

  /** Removes every line once they became an order (which took over what the cart held). */
  public CompletableFuture<Cart> emptyAfterCheckoutAsync(String shopperId, Instant now) {
    return emptyAfterCheckoutAsync(shopperId, now, null);
  }

  /**
   * The same, but only while the cart is still {@code seen} (when given), unchanged since: a late
   * caller must not empty a cart the shopper has filled again.
   */
  public CompletableFuture<Cart> emptyAfterCheckoutAsync(String shopperId, Instant now, Cart seen) {
    return carts
        .submitToKey(
            shopperId,
            Tracing.step(new EmptyCartProcessor(now, seen == null ? null : seen.updatedAt())))
        .toCompletableFuture();
  }

  /**
   * Hands an order's unpaid units back to the shopper's cart (a checkout that came up short), with
   * the cart's hold time from now: no moment in between when another shopper could take them.
   */
  public void takeBack(String shopperId, String orderId, Collection<StockKey> keys) {
    inventory.moveHeld(keys, orderId, Hold.cartHolder(shopperId), now().plus(cartHoldFor));
  }

  /** The cart's holder id when its store reserves on add-to-cart, else empty. */
  public Optional<String> holderAt(DarkStore store, String shopperId) {
    return store.reserveOnAddToCart() ? Optional.of(Hold.cartHolder(shopperId)) : Optional.empty();
  }

  private CartChange updated(String shopperId, Cart cart) {
    return new CartChange.Updated(priced(shopperId, cart));
  }

  private PricedCart priced(String shopperId, Cart cart) {
    Map<String, Product> products =
        cart.isEmpty()
            ? Map.of()
            : catalog.products(cart.lines().stream().map(CartLine::sku).toList());
    Quote quote =
        catalog
            .store(cart.storeId())
            .map(store -> quote(shopperId, cart, products, store))
            .orElse(null);
    return new PricedCart(cart, products, quote);
  }

  /**
   * The cart's price with its voucher, which says why it doesn't apply when it no longer exists.
   */
  private Quote quote(String shopperId, Cart cart, Map<String, Product> products, DarkStore store) {
    List<PricedLine> lines =
        cart.lines().stream()
            .filter(line -> store.sells(products.get(line.sku())))
            .map(line -> PricedLine.of(products.get(line.sku()), line.quantity()))
            .toList();
    Voucher voucher =
        cart.voucherCode() == null ? null : vouchers.voucher(cart.voucherCode()).orElse(null);
    Quote quote = Pricing.price(lines, store, voucher, shopperId, now());
    if (cart.voucherCode() != null && voucher == null) {
      return new Quote(
          quote.lines(),
          quote.breakdown(),
          new VoucherVerdict(
              cart.voucherCode(),
              false,
              Money.zero(store.currency()),
              "this voucher no longer exists"));
    }
    return quote;
  }

  private boolean reservesOnAdd(String storeId) {
    return catalog.store(storeId).map(DarkStore::reserveOnAddToCart).orElse(false);
  }

  private void letGoOfHolds(String shopperId, Cart cart) {
    if (cart.isEmpty() || !reservesOnAdd(cart.storeId())) {
      return;
    }
    inventory.release(
        Hold.cartHolder(shopperId),
        cart.lines().stream().map(line -> new StockKey(cart.storeId(), line.sku())).toList());
  }

  private Instant now() {
    return clock.instant();
  }
}
