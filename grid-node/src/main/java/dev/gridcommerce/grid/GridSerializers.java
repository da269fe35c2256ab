package dev.gridcommerce.grid;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.pricing.Vouchers;
import dev.gridcommerce.grid.review.Reviews;
import dev.gridcommerce.grid.support.Tracing;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Compact serializer of the grid: keys, values, entry processors and their answers, as each
 * capability lists its own. Members and clients register the same list, so both sides agree on
 * every type.
 */
public final class GridSerializers {

  private GridSerializers() {}

  public static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    all.addAll(Catalog.serializers());
    all.addAll(Inventory.serializers());
    all.addAll(Carts.serializers());
    all.addAll(Orders.serializers());
    all.addAll(Checkout.serializers());
    all.addAll(Accounts.serializers());
    all.addAll(Notifications.serializers());
    all.addAll(Vouchers.serializers());
    all.addAll(Reviews.serializers());
    all.addAll(Fulfilment.serializers());
    all.addAll(Tracing.serializers());
    return all;
  }

  public static void registerAll(CompactSerializationConfig config) {
    all().forEach(config::addSerializer);
  }
}
