package dev.gridcommerce.grid.checkout;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.fulfilment.DeliveryPromiser;
import dev.gridcommerce.domain.order.OrderIds;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.pricing.Vouchers;
import dev.gridcommerce.grid.support.Futures;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Checkout: the one door that turns a shopper's cart into an order whose stock is held while they
 * pay, every line or none. With an Idempotency-Key the same request always answers the first
 * outcome and holds nothing twice; without one, each request is a new order.
 */
public final class Checkout {

  private final Clock clock;
  private final CartCheckout cartCheckout;
  private final IdempotentCheckout idempotent;

  /**
   * @param holdFor how long a placed order holds its stock while the shopper pays
   */
  public Checkout(
      HazelcastInstance grid,
      Clock clock,
      Duration holdFor,
      Catalog catalog,
      Carts carts,
      Inventory inventory,
      Orders orders) {
    this(grid, clock, holdFor, catalog, carts, inventory, orders, null);
  }

  /**
   * @param promiser the delivery promise of an order delivered to a point, fixed on the order (it
   *     is refused when the store can't keep one); null: orders carry no promise
   */
  public Checkout(
      HazelcastInstance grid,
      Clock clock,
      Duration holdFor,
      Catalog catalog,
      Carts carts,
      Inventory inventory,
      Orders orders,
      DeliveryPromiser promiser) {
    if (!holdFor.isPositive()) {
      throw new IllegalArgumentException("an order's hold time must be positive");
    }
    this.clock = clock;
    this.cartCheckout =
        new CartCheckout(
            catalog, carts, inventory, orders, new Vouchers(grid, clock), clock, holdFor, promiser);
    this.idempotent =
        new IdempotentCheckout(new GridMaps(grid).checkoutAttempts(), cartCheckout, orders, clock);
  }

  /** The Compact serializers of checkout attempts under idempotency keys. */
  public static List<CompactSerializer<?>> serializers() {
    return CheckoutSerializers.all();
  }

  public CheckoutOutcome place(CheckoutRequest request) {
    if (request.key() != null) {
      return idempotent.checkout(request);
    }
    return cartCheckout.place(
        new CartCheckout.Placing(
            request.shopperId(),
            OrderIds.next(clock.instant()),
            request.deliverTo(),
            Futures.join(cartCheckout.cartOf(request.shopperId()))));
  }
}
