package dev.gridcommerce.grid.checkout;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutOutcome.Refusal;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.domain.fulfilment.DeliveryPromise;
import dev.gridcommerce.domain.fulfilment.DeliveryPromiser;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.pricing.Pricing;
import dev.gridcommerce.domain.pricing.Quote;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.pricing.Vouchers;
import dev.gridcommerce.grid.support.Futures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Places an order from a shopper's cart, all or nothing (rule 4): the cart is read once, and every
 * line is held at the cart's dark store (in parallel, each on the member owning that stock); if any
 * line is short, the lines already held are released (or, at a store that reserves on add-to-cart,
 * handed back to the cart) before the answer is given. Works the same from a client or a member.
 *
 * <p>Holds carry the order id and expire with the order, so a caller that dies midway leaves
 * nothing behind for longer than the hold time (the sweep releases it). Holds are idempotent by
 * order id and the order is written only if absent, so placing the same order id again holds
 * nothing twice and keeps the first order. The order is priced before anything is held, so a
 * catalog fault refuses the checkout with nothing to undo.
 */
final class CartCheckout {

  private final Catalog catalog;
  private final Carts carts;
  private final Inventory inventory;
  private final Orders orders;
  private final Vouchers vouchers;
  private final Clock clock;
  private final Duration holdFor;
  private final DeliveryPromiser promiser;

  CartCheckout(
      Catalog catalog,
      Carts carts,
      Inventory inventory,
      Orders orders,
      Vouchers vouchers,
      Clock clock,
      Duration holdFor,
      DeliveryPromiser promiser) {
    this.promiser = promiser;
    this.catalog = catalog;
    this.carts = carts;
    this.inventory = inventory;
    this.orders = orders;
    this.vouchers = vouchers;
    this.clock = clock;
    this.holdFor = holdFor;
  }

  /**
   * One placing of a cart as an order: whose, under which id, the cart as read, until when this
   * caller may act (a run under a key stops acting before its lease ends; the same instant as
   * {@link Instant#MAX} for one without), and what else to do while the cart is emptied once the
   * order is written (a keyed run records that it placed it).
   */
  record Placing(
      String shopperId,
      String orderId,
      GeoPoint deliverTo,
      Cart cart,
      Instant actUntil,
      Supplier<CompletableFuture<?>> alongsideEmptying) {

    /** A placing by a caller without a key: nothing to record, no lease to respect. */
    Placing(String shopperId, String orderId, GeoPoint deliverTo, Cart cart) {
      this(
          shopperId,
          orderId,
          deliverTo,
          cart,
          Instant.MAX,
          () -> CompletableFuture.completedFuture(null));
    }
  }

  /** The shopper's cart, read while the caller does something else. */
  CompletableFuture<Cart> cartOf(String shopperId) {
    return carts.cartAsync(shopperId);
  }

  /**
   * Places the cart as the order: refusals first, then every line held, then the order written
   * (only if absent), then the cart emptied alongside whatever the caller records.
   */
  CheckoutOutcome place(Placing placing) {
    String shopperId = placing.shopperId();
    String orderId = placing.orderId();
    GeoPoint deliverTo = placing.deliverTo();
    Cart cart = placing.cart();
    if (cart.isEmpty()) {
      return new CheckoutOutcome.Refused(Refusal.EMPTY_CART, "the cart is empty");
    }
    if (cart.storeId() == null) {
      return new CheckoutOutcome.Refused(
          Refusal.NO_STORE_CHOSEN, "choose a dark store before checking out");
    }
    DarkStore store = catalog.store(cart.storeId()).orElse(null);
    if (store == null) {
      return new CheckoutOutcome.Refused(
          Refusal.STORE_GONE, "the cart's dark store no longer exists; choose another");
    }
    if (deliverTo != null && !store.delivers(deliverTo)) {
      return new CheckoutOutcome.Refused(
          Refusal.OUTSIDE_DELIVERY_AREA,
          store.name()
              + " does not deliver to that point; choose a nearer store (GET /api/v1/stores?near=)");
    }
    Map<String, Product> products =
        catalog.products(cart.lines().stream().map(CartLine::sku).toList());
    List<String> unknown =
        cart.lines().stream()
            .map(CartLine::sku)
            .filter(sku -> !store.sells(products.get(sku)))
            .toList();
    if (!unknown.isEmpty()) {
      return new CheckoutOutcome.Refused(
          Refusal.PRODUCTS_GONE, "no longer sold: " + String.join(", ", unknown));
    }

    Instant now = clock.instant();
    Instant expiresAt = now.plus(holdFor);
    Voucher voucher =
        cart.voucherCode() == null ? null : vouchers.voucher(cart.voucherCode()).orElse(null);
    if (cart.voucherCode() != null && voucher == null) {
      return new CheckoutOutcome.Refused(
          Refusal.VOUCHER_NOT_APPLICABLE,
          "the voucher " + cart.voucherCode() + " no longer exists; remove it from the cart");
    }
    List<OrderLine> lines = orderLines(cart, products);
    // a retry of this order's checkout sees the voucher without the use it may hold already
    Quote quote =
        Pricing.price(
            lines.stream().map(OrderLine::priced).toList(),
            store,
            voucher == null ? null : voucher.without(orderId),
            shopperId,
            now);
    if (!quote.breakdown().total().isPositive()) {
      return new CheckoutOutcome.Refused(
          Refusal.NOTHING_TO_PAY, "the cart would cost nothing; no payment can be taken for it");
    }
    if (voucher != null && !quote.voucher().applied()) {
      boolean termsMet = voucher.terms().whyNot(quote.breakdown().subtotal(), now).isEmpty();
      return termsMet
          ? new CheckoutOutcome.Refused(
              Refusal.VOUCHER_UNAVAILABLE,
              "the voucher "
                  + voucher.terms().code()
                  + " can't be used: "
                  + quote.voucher().reason())
          : new CheckoutOutcome.Refused(
              Refusal.VOUCHER_NOT_APPLICABLE,
              "the voucher "
                  + voucher.terms().code()
                  + " doesn't apply: "
                  + quote.voucher().reason());
    }
    DeliveryPromise promise =
        promiser == null || deliverTo == null
            ? null
            : promiser.promise(
                store, deliverTo, lines.size(), lines.stream().mapToInt(OrderLine::quantity).sum());
    if (promise != null && !promise.deliverable()) {
      return new CheckoutOutcome.Refused(
          Refusal.PROMISE_EXCEEDED,
          promise.staffed()
              ? store.name()
                  + " can't deliver this order in time now: it would take "
                  + promise.minutes()
                  + " min; try again shortly or choose another store"
              : store.name() + " is closed now; choose another store");
    }
    Order order =
        Order.placed(
            orderId,
            shopperId,
            store.id(),
            lines,
            quote,
            now,
            expiresAt,
            UUID.randomUUID().toString(),
            promise == null ? null : promise.at(),
            deliverTo);
    if (order.voucherCode() != null) {
      Optional<String> refused = vouchers.hold(order.voucherCode(), orderId, shopperId, expiresAt);
      if (refused.isPresent()) {
        return new CheckoutOutcome.Refused(
            Refusal.VOUCHER_UNAVAILABLE,
            "the voucher " + order.voucherCode() + " can't be used: " + refused.get());
      }
    }
    String cartHolder = carts.holderAt(store, shopperId).orElse(null);
    List<ShortLine> shortLines = holdEveryLine(placing, order, cartHolder);
    if (shortLines == null) {
      return new CheckoutOutcome.InProgress();
    }
    if (!shortLines.isEmpty()) {
      return new CheckoutOutcome.Short(shortLines);
    }
    if (!mayAct(placing)) {
      return new CheckoutOutcome.InProgress();
    }
    Order written = orders.placeIfAbsent(order);
    if (written != order && !written.status().holdsUnpaidStock()) {
      // this id placed an order before and that order has been paid or closed since: it holds
      // none of the units just held, which are no one's
      undo(keysOf(cart), order, cartHolder);
      return new CheckoutOutcome.KeyReused();
    }
    Futures.joinAll(
        carts.emptyAfterCheckoutAsync(shopperId, now), placing.alongsideEmptying().get());
    return new CheckoutOutcome.Placed(written);
  }

  private boolean mayAct(Placing placing) {
    return clock.instant().isBefore(placing.actUntil());
  }

  private static List<OrderLine> orderLines(Cart cart, Map<String, Product> products) {
    List<OrderLine> lines = new ArrayList<>(cart.lines().size());
    for (CartLine line : cart.lines()) {
      Product product = products.get(line.sku());
      lines.add(
          new OrderLine(
              OrderLine.idAt(lines.size()),
              line.sku(),
              product.name(),
              line.quantity(),
              product.price(),
              product.taxClass(),
              0,
              Money.zero(product.price().currency()),
              line.substitution(),
              null));
    }
    return lines;
  }

  private static List<StockKey> keysOf(Cart cart) {
    return cart.lines().stream().map(line -> new StockKey(cart.storeId(), line.sku())).toList();
  }

  /**
   * Finishes a checkout that may have got partway under this order id (its caller died): an order
   * already written is answered as it is (and the cart emptied if it still holds just the order's
   * lines and nobody changed it since it was read); otherwise the order is placed, holding nothing
   * twice.
   */
  CheckoutOutcome resume(Placing placing) {
    Optional<Order> placed = orders.ofShopper(placing.shopperId(), placing.orderId());
    if (placed.isEmpty()) {
      return place(placing);
    }
    Order order = placed.get();
    CompletableFuture<?> emptied =
        holdsJust(placing.cart(), order)
            ? carts.emptyAfterCheckoutAsync(placing.shopperId(), clock.instant(), placing.cart())
            : CompletableFuture.completedFuture(null);
    Futures.joinAll(emptied, placing.alongsideEmptying().get());
    return new CheckoutOutcome.Placed(order);
  }

  private static boolean holdsJust(Cart cart, Order order) {
    return order.storeId().equals(cart.storeId())
        && cart.lines().size() == order.lines().size()
        && order.lines().stream()
            .allMatch(ordered ->
                cart.line(ordered.sku())
                    .filter(line -> line.quantity() == ordered.quantity())
                    .isPresent());
  }

  /**
   * Holds every line; when any is short, undoes them all and answers the short ones (none: all
   * held). Null when this caller's time to act ran out before it could undo: it leaves the holds to
   * the run that took over (holding is idempotent by order id, so nothing is held twice).
   */
  private List<ShortLine> holdEveryLine(Placing placing, Order order, String cartHolder) {
    Cart cart = placing.cart();
    String orderId = order.id();
    Instant expiresAt = order.expiresAt();
    List<StockKey> keys = keysOf(cart);
    List<Inventory.HoldRequest> holds = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      holds.add(
          new Inventory.HoldRequest(
              keys.get(i), orderId, cart.lines().get(i).quantity(), expiresAt, cartHolder));
    }
    List<StockOutcome> outcomes;
    try {
      outcomes = inventory.holdAll(holds);
    } catch (RuntimeException e) {
      if (mayAct(placing)) {
        undo(keys, order, cartHolder);
      }
      throw e;
    }
    List<ShortLine> shortLines = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof StockOutcome.ShortOf s) {
        shortLines.add(new ShortLine(cart.lines().get(i).sku(), s.requested(), s.available()));
      }
    }
    if (!shortLines.isEmpty()) {
      if (!mayAct(placing)) {
        return null;
      }
      undo(keys, order, cartHolder);
    }
    return shortLines;
  }

  /** Lets go of what the order held: its voucher use, and its units (back to the cart, if held). */
  private void undo(List<StockKey> keys, Order order, String cartHolder) {
    if (order.voucherCode() != null) {
      vouchers.release(order.voucherCode(), order.id(), order.shopperId());
    }
    if (cartHolder == null) {
      inventory.release(order.id(), keys);
    } else {
      carts.takeBack(order.shopperId(), order.id(), keys);
    }
  }
}
