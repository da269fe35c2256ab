package dev.gridcommerce.grid.checkout;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.cart.EmptyCartProcessor;
import dev.gridcommerce.grid.inventory.HoldCartProcessor;
import dev.gridcommerce.grid.inventory.HoldStockProcessor;
import dev.gridcommerce.grid.inventory.MoveHeldProcessor;
import dev.gridcommerce.grid.inventory.ReleaseHoldProcessor;
import dev.gridcommerce.grid.inventory.StockChange;
import dev.gridcommerce.grid.inventory.StockChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Places an order from a shopper's cart, all or nothing (rule 4): every line is held at the cart's
 * dark store by a {@link HoldStockProcessor} (in parallel, each on the member owning that stock,
 * through {@link StockChanges}), and if any line is short, the lines already held are released (or,
 * at a store that reserves on add-to-cart, handed back to the cart) before the answer is given.
 * Works the same from a client or from a member.
 *
 * <p>Holds carry the order id and expire with the order, so a caller that dies midway leaves
 * nothing behind for longer than the hold time (the sweep releases it). Holds are idempotent by
 * order id, so placing the same order id again holds nothing twice.
 */
public final class Checkout {

  private final GridMaps maps;
  private final Clock clock;
  private final CheckoutPolicy policy;

  public Checkout(GridMaps maps, Clock clock, CheckoutPolicy policy) {
    this.maps = maps;
    this.clock = clock;
    this.policy = policy;
  }

  /** Places a new order under a fresh id. */
  public CheckoutOutcome place(String shopperId, String orderId) {
    Cart cart = maps.carts().get(shopperId);
    if (cart == null || cart.isEmpty()) {
      return new CheckoutOutcome.Refused("the cart is empty");
    }
    if (cart.storeId() == null) {
      return new CheckoutOutcome.Refused("choose a dark store before checking out");
    }
    DarkStore store = maps.stores().get(cart.storeId());
    if (store == null) {
      return new CheckoutOutcome.Refused("the cart's dark store no longer exists; choose another");
    }
    Map<String, Product> products =
        maps.products()
            .getAll(cart.lines().stream().map(CartLine::sku).collect(Collectors.toSet()));
    List<String> unknown =
        cart.lines().stream().map(CartLine::sku).filter(sku -> !products.containsKey(sku)).toList();
    if (!unknown.isEmpty()) {
      return new CheckoutOutcome.Refused("no longer sold: " + String.join(", ", unknown));
    }

    Instant now = clock.instant();
    Instant expiresAt = now.plus(policy.holdFor());
    String cartHolder = store.reserveOnAddToCart() ? HoldCartProcessor.cartHolder(shopperId) : null;
    List<ShortLine> shortLines = holdEveryLine(cart, orderId, expiresAt, cartHolder);
    if (!shortLines.isEmpty()) {
      return new CheckoutOutcome.Short(shortLines);
    }
    List<OrderLine> lines =
        cart.lines().stream().map(line -> orderLine(line, products.get(line.sku()))).toList();
    Order order = Order.placed(orderId, shopperId, cart.storeId(), lines, now, expiresAt);
    maps.orders().set(orderId, order);
    maps.carts().executeOnKey(shopperId, new EmptyCartProcessor(now));
    return new CheckoutOutcome.Placed(order);
  }

  /**
   * Finishes an attempt that may have got partway under this order id (its caller died): an order
   * already written is answered as it is; otherwise the order is placed, holding nothing twice.
   */
  public CheckoutOutcome resume(String shopperId, String orderId) {
    Order existing = maps.orders().get(orderId);
    if (existing != null) {
      return existing.shopperId().equals(shopperId)
          ? new CheckoutOutcome.Placed(existing)
          : new CheckoutOutcome.Refused("this order id belongs to another shopper");
    }
    return place(shopperId, orderId);
  }

  /** Holds every line; when any is short, undoes them all and answers the short ones. */
  private List<ShortLine> holdEveryLine(
      Cart cart, String orderId, Instant expiresAt, String cartHolder) {
    List<StockChanges.Keyed> holds =
        cart.lines().stream()
            .map(line ->
                new StockChanges.Keyed(
                    new StockKey(cart.storeId(), line.sku()),
                    new HoldStockProcessor(orderId, line.quantity(), expiresAt, cartHolder)))
            .toList();
    List<StockOutcome> outcomes;
    try {
      outcomes = new StockChanges(maps.inventory()).applyAll(holds);
    } catch (RuntimeException e) {
      undo(cart, orderId, cartHolder);
      throw e;
    }
    List<ShortLine> shortLines = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof StockOutcome.ShortOf s) {
        shortLines.add(new ShortLine(cart.lines().get(i).sku(), s.requested(), s.available()));
      }
    }
    if (!shortLines.isEmpty()) {
      undo(cart, orderId, cartHolder);
    }
    return shortLines;
  }

  private void undo(Cart cart, String orderId, String cartHolder) {
    Set<StockKey> keys =
        cart.lines().stream()
            .map(line -> new StockKey(cart.storeId(), line.sku()))
            .collect(Collectors.toSet());
    StockChange undo =
        cartHolder == null
            ? new ReleaseHoldProcessor(orderId)
            : new MoveHeldProcessor(
                orderId, cartHolder, clock.instant().plus(policy.cartHoldFor()));
    new StockChanges(maps.inventory()).applyToEach(keys, undo);
  }

  private static OrderLine orderLine(CartLine line, Product product) {
    return new OrderLine(line.sku(), product.name(), line.quantity(), product.price());
  }
}
