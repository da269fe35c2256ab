package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.LinePick;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Compact serializers of orders and their events, of the processors that change them and of
 * their answers, and of the event log's pages and subscribers. {@code shopperId}, {@code storeId},
 * {@code status}, {@code pendingStock}, {@code payableUntil} (written only to be found by: {@link
 * Order#payableUntilMillis}) and {@code updatedAt} are queried fields (most indexed in {@code
 * config/hazelcast-grid.yaml}).
 */
final class OrderSerializers {

  private OrderSerializers() {}

  static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all = new ArrayList<>();
    all.add(new OrderLineSerializer());
    all.add(new OrderEventSerializer());
    all.add(new OrderSerializer());
    all.add(new OrderChange.Serializer());
    all.add(new MoveOrderProcessor.Serializer());
    all.add(new ExpireIfDueProcessor.Serializer());
    all.add(new SettleOrderProcessor.Serializer());
    all.add(new PayProcessor.Serializer());
    all.add(new PayLateProcessor.Serializer());
    all.add(new PaymentFailedProcessor.Serializer());
    all.add(new StartPaymentProcessor.Serializer());
    all.add(new RecordRefundProcessor.Serializer());
    all.add(new CancelUnpaidProcessor.Serializer());
    all.add(new RefundDueProcessor.Serializer());
    all.add(new PickLineProcessor.Serializer());
    all.add(new ShortLineProcessor.Serializer());
    all.add(new ReplacementGoneProcessor.Serializer());
    all.add(new OutWithRiderProcessor.Serializer());
    all.add(new ShopperOrdersSerializer());
    all.add(new SubscriberCheckpointSerializer());
    all.add(new CheckpointProcessor.Serializer());
    all.add(new LoggedEventSerializer());
    all.add(new EventPage.Serializer());
    all.add(new ReadEventsTask.Serializer());
    return all;
  }

  /** A payment reference as two nullable fields ({@code paymentProvider}, {@code paymentId}). */
  static void payment(CompactWriter out, PaymentReference payment) {
    out.writeString("paymentProvider", payment == null ? null : payment.provider());
    out.writeString("paymentId", payment == null ? null : payment.id());
  }

  static PaymentReference payment(CompactReader in) {
    String provider = in.readString("paymentProvider");
    return provider == null ? null : new PaymentReference(provider, in.readString("paymentId"));
  }

  static final class OrderLineSerializer extends NamedSerializer<OrderLine> {

    OrderLineSerializer() {
      super("commerce.OrderLine", OrderLine.class);
    }

    /**
     * Lines written before picking existed have no substitution and no pick: they read as the best
     * match, not yet picked.
     */
    @Override
    public OrderLine read(CompactReader in) {
      String currency = in.readString("currency");
      boolean picking = in.getFieldKind("substitution") == FieldKind.STRING;
      return new OrderLine(
          in.readString("id"),
          in.readString("sku"),
          in.readString("name"),
          in.readInt32("quantity"),
          Money.of(in.readInt64("unitPriceMinor"), currency),
          TaxClass.valueOf(in.readString("taxClass")),
          in.readInt32("taxRateBasisPoints"),
          Money.of(in.readInt64("taxMinor"), currency),
          Substitution.decode(picking ? in.readString("substitution") : null),
          picking ? pick(in, currency) : null);
    }

    private static LinePick pick(CompactReader in, String currency) {
      Integer picked = in.readNullableInt32("picked");
      if (picked == null) {
        return null;
      }
      String replacementSku = in.readString("replacementSku");
      return new LinePick(
          picked,
          replacementSku == null
              ? null
              : new Replacement(
                  replacementSku,
                  in.readString("replacementName"),
                  in.readInt32("replacementQuantity"),
                  Money.of(in.readInt64("replacementPriceMinor"), currency)));
    }

    @Override
    public void write(CompactWriter out, OrderLine line) {
      out.writeString("id", line.id());
      out.writeString("sku", line.sku());
      out.writeString("name", line.name());
      out.writeInt32("quantity", line.quantity());
      out.writeInt64("unitPriceMinor", line.unitPrice().amountMinor());
      out.writeString("currency", line.unitPrice().currency());
      out.writeString("taxClass", line.taxClass().name());
      out.writeInt32("taxRateBasisPoints", line.taxRateBasisPoints());
      out.writeInt64("taxMinor", line.tax().amountMinor());
      out.writeString("substitution", line.substitution().encoded());
      LinePick pick = line.pick();
      Replacement replacement = pick == null ? null : pick.replacement();
      out.writeNullableInt32("picked", pick == null ? null : pick.picked());
      out.writeString("replacementSku", replacement == null ? null : replacement.sku());
      out.writeString("replacementName", replacement == null ? null : replacement.name());
      out.writeInt32("replacementQuantity", replacement == null ? 0 : replacement.quantity());
      out.writeInt64(
          "replacementPriceMinor", replacement == null ? 0 : replacement.unitPrice().amountMinor());
    }
  }

  static final class OrderEventSerializer extends NamedSerializer<OrderEvent> {

    OrderEventSerializer() {
      super("commerce.OrderEvent", OrderEvent.class);
    }

    @Override
    public OrderEvent read(CompactReader in) {
      return new OrderEvent(
          in.readString("id"),
          in.readString("orderId"),
          in.readInt64("seq"),
          OrderEventType.valueOf(in.readString("type")),
          instant(in.readInt64("at")),
          in.readString("shopperId"),
          in.readString("storeId"),
          OrderStatus.valueOf(in.readString("status")),
          StockEffect.valueOf(in.readString("stockEffect")),
          Money.of(in.readInt64("totalMinor"), in.readString("currency")),
          payment(in),
          in.readString("note"));
    }

    @Override
    public void write(CompactWriter out, OrderEvent event) {
      out.writeString("id", event.id());
      out.writeString("orderId", event.orderId());
      out.writeInt64("seq", event.seq());
      out.writeString("type", event.type().name());
      out.writeInt64("at", millis(event.at()));
      out.writeString("shopperId", event.shopperId());
      out.writeString("storeId", event.storeId());
      out.writeString("status", event.status().name());
      out.writeString("stockEffect", event.stockEffect().name());
      out.writeInt64("totalMinor", event.total().amountMinor());
      out.writeString("currency", event.total().currency());
      payment(out, event.payment());
      out.writeString("note", event.note());
    }
  }

  static final class OrderSerializer extends NamedSerializer<Order> {

    OrderSerializer() {
      super("commerce.Order", Order.class);
    }

    @Override
    public Order read(CompactReader in) {
      String currency = in.readString("currency");
      return new Order(
          in.readString("id"),
          in.readString("shopperId"),
          in.readString("storeId"),
          List.of(in.readArrayOfCompact("lines", OrderLine.class)),
          new PriceBreakdown(
              Money.of(in.readInt64("subtotalMinor"), currency),
              Money.of(in.readInt64("discountMinor"), currency),
              Money.of(in.readInt64("deliveryFeeMinor"), currency),
              Money.of(in.readInt64("smallBasketFeeMinor"), currency),
              Money.of(in.readInt64("taxMinor"), currency),
              Money.of(in.readInt64("totalMinor"), currency)),
          in.readString("voucherCode"),
          OrderStatus.valueOf(in.readString("status")),
          StockEffect.valueOf(in.readString("pendingStock")),
          payment(in),
          Money.of(in.readInt64("refundedMinor"), currency),
          instant(in.readInt64("createdAt")),
          instant(in.readInt64("expiresAt")),
          instant(in.readInt64("updatedAt")),
          in.readInt64("version"),
          events(in, currency),
          // orders written before promises have no such field, nor a drop-off or courier
          in.getFieldKind("promisedAt") == FieldKind.NULLABLE_INT64
              ? promisedAt(in.readNullableInt64("promisedAt"))
              : null,
          in.getFieldKind("dropOffLat") == FieldKind.NULLABLE_FLOAT64 ? dropOff(in) : null,
          in.getFieldKind("courierId") == FieldKind.STRING ? courier(in) : null);
    }

    private static GeoPoint dropOff(CompactReader in) {
      Double lat = in.readNullableFloat64("dropOffLat");
      Double lon = in.readNullableFloat64("dropOffLon");
      return lat == null || lon == null ? null : new GeoPoint(lat, lon);
    }

    private static Courier courier(CompactReader in) {
      String id = in.readString("courierId");
      return id == null ? null : new Courier(id, in.readString("courierName"));
    }

    private static Instant promisedAt(Long millis) {
      return millis == null ? null : instant(millis);
    }

    /**
     * An order's events travel as columns of the order's own record, without what every event of
     * the order shares (order, shopper, store, currency): a third of the bytes of nested records,
     * and no nested record to read or write on every change of the order.
     */
    private static List<OrderEvent> events(CompactReader in, String currency) {
      String orderId = in.readString("id");
      String shopperId = in.readString("shopperId");
      String storeId = in.readString("storeId");
      long firstSeq = in.readInt64("firstEventSeq");
      String[] ids = in.readArrayOfString("eventIds");
      String[] types = in.readArrayOfString("eventTypes");
      long[] ats = in.readArrayOfInt64("eventAts");
      String[] statuses = in.readArrayOfString("eventStatuses");
      String[] effects = in.readArrayOfString("eventStockEffects");
      long[] totals = in.readArrayOfInt64("eventTotals");
      String[] providers = in.readArrayOfString("eventPaymentProviders");
      String[] paymentIds = in.readArrayOfString("eventPaymentIds");
      String[] notes = in.readArrayOfString("eventNotes");
      List<OrderEvent> events = new ArrayList<>(ids.length);
      for (int i = 0; i < ids.length; i++) {
        events.add(
            new OrderEvent(
                ids[i],
                orderId,
                firstSeq + i,
                OrderEventType.valueOf(types[i]),
                instant(ats[i]),
                shopperId,
                storeId,
                OrderStatus.valueOf(statuses[i]),
                StockEffect.valueOf(effects[i]),
                Money.of(totals[i], currency),
                providers[i] == null ? null : new PaymentReference(providers[i], paymentIds[i]),
                notes[i]));
      }
      return events;
    }

    private static void events(CompactWriter out, List<OrderEvent> events) {
      out.writeInt64("firstEventSeq", events.getFirst().seq());
      out.writeArrayOfString("eventIds", column(events, OrderEvent::id));
      out.writeArrayOfString("eventTypes", column(events, e -> e.type().name()));
      out.writeArrayOfInt64("eventAts", events.stream().mapToLong(e -> millis(e.at())).toArray());
      out.writeArrayOfString("eventStatuses", column(events, e -> e.status().name()));
      out.writeArrayOfString("eventStockEffects", column(events, e -> e.stockEffect().name()));
      out.writeArrayOfInt64(
          "eventTotals", events.stream().mapToLong(e -> e.total().amountMinor()).toArray());
      out.writeArrayOfString(
          "eventPaymentProviders",
          column(events, e -> e.payment() == null ? null : e.payment().provider()));
      out.writeArrayOfString(
          "eventPaymentIds", column(events, e -> e.payment() == null ? null : e.payment().id()));
      out.writeArrayOfString("eventNotes", column(events, OrderEvent::note));
    }

    private static String[] column(List<OrderEvent> events, Function<OrderEvent, String> field) {
      String[] column = new String[events.size()];
      for (int i = 0; i < column.length; i++) {
        column[i] = field.apply(events.get(i));
      }
      return column;
    }

    @Override
    public void write(CompactWriter out, Order order) {
      PriceBreakdown price = order.price();
      out.writeString("id", order.id());
      out.writeString("shopperId", order.shopperId());
      out.writeString("storeId", order.storeId());
      out.writeArrayOfCompact("lines", order.lines().toArray(OrderLine[]::new));
      out.writeString("currency", price.currency());
      out.writeInt64("subtotalMinor", price.subtotal().amountMinor());
      out.writeInt64("discountMinor", price.discount().amountMinor());
      out.writeInt64("deliveryFeeMinor", price.deliveryFee().amountMinor());
      out.writeInt64("smallBasketFeeMinor", price.smallBasketFee().amountMinor());
      out.writeString("voucherCode", order.voucherCode());
      out.writeInt64("taxMinor", price.tax().amountMinor());
      out.writeInt64("totalMinor", price.total().amountMinor());
      out.writeString("status", order.status().name());
      out.writeString("pendingStock", order.pendingStock().name());
      payment(out, order.payment());
      out.writeInt64("refundedMinor", order.refunded().amountMinor());
      out.writeInt64("createdAt", millis(order.createdAt()));
      out.writeInt64("expiresAt", millis(order.expiresAt()));
      out.writeInt64("payableUntil", order.payableUntilMillis());
      out.writeInt64("updatedAt", millis(order.updatedAt()));
      out.writeInt64("version", order.version());
      out.writeNullableInt64(
          "promisedAt", order.promisedAt() == null ? null : millis(order.promisedAt()));
      GeoPoint dropOff = order.dropOff();
      out.writeNullableFloat64("dropOffLat", dropOff == null ? null : dropOff.lat());
      out.writeNullableFloat64("dropOffLon", dropOff == null ? null : dropOff.lon());
      out.writeString("courierId", order.courier() == null ? null : order.courier().riderId());
      out.writeString("courierName", order.courier() == null ? null : order.courier().name());
      events(out, order.events());
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

  static final class SubscriberCheckpointSerializer extends NamedSerializer<SubscriberCheckpoint> {

    SubscriberCheckpointSerializer() {
      super("commerce.SubscriberCheckpoint", SubscriberCheckpoint.class);
    }

    @Override
    public SubscriberCheckpoint read(CompactReader in) {
      return new SubscriberCheckpoint(
          in.readInt64("position"), in.readString("holder"), instant(in.readInt64("leaseUntil")));
    }

    @Override
    public void write(CompactWriter out, SubscriberCheckpoint checkpoint) {
      out.writeInt64("position", checkpoint.position());
      out.writeString("holder", checkpoint.holder());
      out.writeInt64("leaseUntil", millis(checkpoint.leaseUntil()));
    }
  }

  static final class LoggedEventSerializer extends NamedSerializer<OrderEventLog.Logged> {

    LoggedEventSerializer() {
      super("commerce.LoggedOrderEvent", OrderEventLog.Logged.class);
    }

    @Override
    public OrderEventLog.Logged read(CompactReader in) {
      return new OrderEventLog.Logged(in.readInt64("position"), in.readCompact("event"));
    }

    @Override
    public void write(CompactWriter out, OrderEventLog.Logged logged) {
      out.writeInt64("position", logged.position());
      out.writeCompact("event", logged.event());
    }
  }
}
