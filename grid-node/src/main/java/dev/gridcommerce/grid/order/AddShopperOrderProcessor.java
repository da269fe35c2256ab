package dev.gridcommerce.grid.order;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.util.Map;

/**
 * Adds an order's id to its shopper's order index (loaded from PostgreSQL first when it is not in
 * memory); adding it twice changes nothing. Runs on the partition thread owning the shopper's
 * index; the backup runs the same processor.
 */
public record AddShopperOrderProcessor(String orderId)
    implements EntryProcessor<String, ShopperOrders, Boolean> {

  @Override
  public Boolean process(Map.Entry<String, ShopperOrders> entry) {
    ShopperOrders current = entry.getValue() == null ? ShopperOrders.none() : entry.getValue();
    ShopperOrders next = current.with(orderId);
    if (next != current || entry.getValue() == null) {
      entry.setValue(next);
    }
    return next != current;
  }

  static final class Serializer extends NamedSerializer<AddShopperOrderProcessor> {

    Serializer() {
      super("commerce.AddShopperOrderProcessor", AddShopperOrderProcessor.class);
    }

    @Override
    public AddShopperOrderProcessor read(CompactReader in) {
      return new AddShopperOrderProcessor(in.readString("orderId"));
    }

    @Override
    public void write(CompactWriter out, AddShopperOrderProcessor processor) {
      out.writeString("orderId", processor.orderId());
    }
  }

  static final class ShopperOrdersSerializer extends NamedSerializer<ShopperOrders> {

    ShopperOrdersSerializer() {
      super("commerce.ShopperOrders", ShopperOrders.class);
    }

    @Override
    public ShopperOrders read(CompactReader in) {
      return new ShopperOrders(java.util.List.of(in.readArrayOfString("orderIds")));
    }

    @Override
    public void write(CompactWriter out, ShopperOrders orders) {
      out.writeArrayOfString("orderIds", orders.orderIds().toArray(String[]::new));
    }
  }
}
