package dev.gridcommerce.grid.serialization;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.gridcommerce.grid.account.AccountSerializer;
import dev.gridcommerce.grid.cart.CartSerializers;
import dev.gridcommerce.grid.catalog.CatalogSerializers;
import dev.gridcommerce.grid.checkout.CheckoutSerializers;
import dev.gridcommerce.grid.inventory.InventorySerializers;
import dev.gridcommerce.grid.order.OrderSerializers;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Compact serializer of the grid: keys, values, entry processors and their answers. Members
 * and clients register the same list, so both sides agree on every type.
 */
public final class GridSerializers {

  private GridSerializers() {}

  public static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    all.addAll(CatalogSerializers.all());
    all.addAll(InventorySerializers.all());
    all.addAll(CartSerializers.all());
    all.addAll(OrderSerializers.all());
    all.addAll(CheckoutSerializers.all());
    all.add(new AccountSerializer());
    return all;
  }

  public static void registerAll(CompactSerializationConfig config) {
    all().forEach(config::addSerializer);
  }
}
