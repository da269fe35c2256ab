package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compact serializers of orders, of the processors that change them and of their answers.
 * {@code shopperId}, {@code storeId}, {@code status}, {@code pendingStock} and {@code expiresAt}
 * are queried fields (indexed in {@code config/hazelcast-grid.yaml}).
 */
public final class OrderSerializers {

  private OrderSerializers() {}

  public static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    all.add(new OrderLineSerializer());
    all.add(new OrderSerializer());
    all.add(new OrderChange.Serializer());
    all.add(new MoveOrderProcessor.Serializer());
    all.add(new ExpireIfDueProcessor.Serializer());
    all.add(new SettleOrderProcessor.Serializer());
    all.add(new PayProcessor.Serializer());
    all.add(new PayLateProcessor.Serializer());
    all.add(new ShopperOrdersSerializer());
    return all;
  }

  static final class OrderLineSerializer extends NamedSerializer<OrderLine> {

    OrderLineSerializer() {
      super("commerce.OrderLine", OrderLine.class);
    }

    @Override
    public OrderLine read(CompactReader in) {
      return new OrderLine(
          in.readString("sku"),
          in.readString("name"),
          in.readInt32("quantity"),
          Money.of(in.readInt64("unitPriceMinor"), in.readString("currency")));
    }

    @Override
    public void write(CompactWriter out, OrderLine line) {
      out.writeString("sku", line.sku());
      out.writeString("name", line.name());
      out.writeInt32("quantity", line.quantity());
      out.writeInt64("unitPriceMinor", line.unitPrice().amountMinor());
      out.writeString("currency", line.unitPrice().currency());
    }
  }

  static final class OrderSerializer extends NamedSerializer<Order> {

    OrderSerializer() {
      super("commerce.Order", Order.class);
    }

    @Override
    public Order read(CompactReader in) {
      return new Order(
          in.readString("id"),
          in.readString("shopperId"),
          in.readString("storeId"),
          List.of(in.readArrayOfCompact("lines", OrderLine.class)),
          OrderStatus.valueOf(in.readString("status")),
          StockEffect.valueOf(in.readString("pendingStock")),
          instant(in.readInt64("createdAt")),
          instant(in.readInt64("expiresAt")),
          instant(in.readInt64("updatedAt")));
    }

    @Override
    public void write(CompactWriter out, Order order) {
      out.writeString("id", order.id());
      out.writeString("shopperId", order.shopperId());
      out.writeString("storeId", order.storeId());
      out.writeArrayOfCompact("lines", order.lines().toArray(OrderLine[]::new));
      out.writeString("status", order.status().name());
      out.writeString("pendingStock", order.pendingStock().name());
      out.writeInt64("createdAt", millis(order.createdAt()));
      out.writeInt64("expiresAt", millis(order.expiresAt()));
      out.writeInt64("updatedAt", millis(order.updatedAt()));
    }
  }

  static final class ShopperOrdersSerializer extends NamedSerializer<ShopperOrders> {

    ShopperOrdersSerializer() {
      super("commerce.ShopperOrders", ShopperOrders.class);
    }

    @Override
    public ShopperOrders read(CompactReader in) {
      String[] ids = in.readArrayOfString("orderIds");
      long[] placedAt = in.readArrayOfInt64("createdAt");
      List<ShopperOrders.Placed> orders = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        orders.add(new ShopperOrders.Placed(ids[i], instant(placedAt[i])));
      }
      return new ShopperOrders(orders);
    }

    @Override
    public void write(CompactWriter out, ShopperOrders orders) {
      out.writeArrayOfString(
          "orderIds",
          orders.orders().stream().map(ShopperOrders.Placed::orderId).toArray(String[]::new));
      out.writeArrayOfInt64(
          "createdAt",
          orders.orders().stream().mapToLong(placed -> millis(placed.createdAt())).toArray());
    }
  }
}
