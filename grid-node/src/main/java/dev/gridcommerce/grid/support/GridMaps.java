package dev.gridcommerce.grid.support;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.StoreStaff;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.review.ProductReviews;
import java.util.List;

/**
 * The grid's maps, by name and type: the capabilities reach every map through here, so a name is
 * spelled once; the names match the entries of {@code config/hazelcast-grid.yaml}. Only the
 * capabilities of the grid node (and tests and benchmarks) use it; API nodes call the capabilities.
 */
public final class GridMaps {

  public static final String PRODUCTS = "products";
  public static final String STORES = "stores";
  public static final String STORE_LAYOUTS = "store-layouts";
  public static final String STORE_SHIFTS = "store-shifts";
  public static final String RATE_LIMITS = "rate-limits";
  public static final String INVENTORY = "inventory";
  public static final String CARTS = "carts";
  public static final String ORDERS = "orders";
  public static final String ACCOUNTS = "accounts";
  public static final String CHECKOUT_ATTEMPTS = "checkout-attempts";
  public static final String SHOPPER_ORDERS = "shopper-orders";
  public static final String EVENT_SUBSCRIPTIONS = "event-subscriptions";
  public static final String ACCOUNTS_BY_ID = "accounts-by-id";
  public static final String STORE_STAFF = "store-staff";
  public static final String NOTIFICATIONS_SENT = "notifications-sent";
  public static final String WEBHOOK_SUBSCRIPTIONS = "webhook-subscriptions";
  public static final String WEBHOOK_DELIVERIES = "webhook-deliveries";
  public static final String VOUCHERS = "vouchers";
  public static final String PRODUCT_STATS = "product-stats";
  public static final String PRODUCT_REVIEWS = "product-reviews";

  /** Maps loaded whole when a member starts; the rest load entry by entry on first use. */
  public static final List<String> EAGER =
      List.of(STORES, STORE_SHIFTS, PRODUCTS, INVENTORY, VOUCHERS, PRODUCT_STATS);

  private final HazelcastInstance hazelcast;

  public GridMaps(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public IMap<String, Product> products() {
    return hazelcast.getMap(PRODUCTS);
  }

  public IMap<String, DarkStore> stores() {
    return hazelcast.getMap(STORES);
  }

  public IMap<String, StoreLayout> storeLayouts() {
    return hazelcast.getMap(STORE_LAYOUTS);
  }

  /** Token buckets by policy and client, as Bucket4j keeps them. */
  public IMap<String, byte[]> rateLimits() {
    return hazelcast.getMap(RATE_LIMITS);
  }

  public IMap<String, StoreShift> storeShifts() {
    return hazelcast.getMap(STORE_SHIFTS);
  }

  public IMap<StockKey, Stock> inventory() {
    return hazelcast.getMap(INVENTORY);
  }

  /** Carts by shopper id. */
  public IMap<String, Cart> carts() {
    return hazelcast.getMap(CARTS);
  }

  /** Units sold and ratings by sku, for ranking. */
  public IMap<String, ProductStats> productStats() {
    return hazelcast.getMap(PRODUCT_STATS);
  }

  /** Every review of a product, by sku. */
  public IMap<String, ProductReviews> productReviews() {
    return hazelcast.getMap(PRODUCT_REVIEWS);
  }

  /** Vouchers with their uses, by upper-case code. */
  public IMap<String, Voucher> vouchers() {
    return hazelcast.getMap(VOUCHERS);
  }

  public IMap<String, Order> orders() {
    return hazelcast.getMap(ORDERS);
  }

  /** Checkouts made under an idempotency key, by the key with its shopper; kept 24 hours. */
  public IMap<String, CheckoutAttempt> checkoutAttempts() {
    return hazelcast.getMap(CHECKOUT_ATTEMPTS);
  }

  /**
   * Each shopper's orders as PostgreSQL has them (read only, refreshed now and then): with the
   * orders in memory, their whole history.
   */
  public IMap<String, ShopperOrders> shopperOrders() {
    return hazelcast.getMap(SHOPPER_ORDERS);
  }

  /** Accounts by normalized email. */
  public IMap<String, Account> accounts() {
    return hazelcast.getMap(ACCOUNTS);
  }

  /** Accounts by user id (read only, loaded from PostgreSQL). */
  public IMap<String, Account> accountsById() {
    return hazelcast.getMap(ACCOUNTS_BY_ID);
  }

  /** The emails of each store's staff (read only, loaded from PostgreSQL). */
  public IMap<String, StoreStaff> storeStaff() {
    return hazelcast.getMap(STORE_STAFF);
  }

  /** Integrators' webhook subscriptions by id. */
  public IMap<String, WebhookSubscription> webhookSubscriptions() {
    return hazelcast.getMap(WEBHOOK_SUBSCRIPTIONS);
  }

  /** The webhook delivery log, by subscription and event id. */
  public IMap<String, WebhookDelivery> webhookDeliveries() {
    return hazelcast.getMap(WEBHOOK_DELIVERIES);
  }

  /** Notifications sent, by a key naming what and to whom, with when (epoch millis). */
  public IMap<String, Long> notificationsSent() {
    return hazelcast.getMap(NOTIFICATIONS_SENT);
  }

  /**
   * The durable subscribers of order events, by name: how far each has read the event log, and
   * which instance reads it now.
   */
  public IMap<String, SubscriberCheckpoint> eventSubscriptions() {
    return hazelcast.getMap(EVENT_SUBSCRIPTIONS);
  }
}
