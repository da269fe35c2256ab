package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An order as its shopper and the store's staff see it, with its price breakdown, its payment, what
 * was refunded of it, and its timeline (its events, oldest first; {@code seq} is what {@code
 * Last-Event-ID} names on the event stream). {@code promisedAt} is when the store promised at
 * checkout to deliver it (absent when no delivery point was given). {@code credit} is what short
 * lines give back (refunded once the order is packed); {@code rider} who took it out.
 */
public record OrderView(
    String id,
    OrderStatus status,
    String storeId,
    List<Line> lines,
    PriceBreakdown price,
    Money total,
    String voucherCode,
    Payment payment,
    Money refunded,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt,
    List<Event> timeline,
    Instant promisedAt,
    Money credit,
    String rider) {

  /**
   * The order's payment: its provider and intent; checkout's answer adds what the browser pays it
   * with (the client secret and publishable key) and the intent's status at the provider.
   */
  public record Payment(
      String provider, String intentId, String clientSecret, String publishableKey, String status) {

    static Payment of(PaymentReference payment) {
      return payment == null
          ? null
          : new Payment(payment.provider(), payment.id(), null, null, null);
    }
  }

  /**
   * A line at the price it was ordered at, with the VAT rate and amount its total contains, the
   * shopper's substitution choice, and once picked: the units found ({@code picked}) and what
   * replaced the missing ones.
   */
  @Schema(name = "OrderLine")
  public record Line(
      String id,
      String sku,
      String name,
      int quantity,
      Money unitPrice,
      Money lineTotal,
      int taxRateBasisPoints,
      Money tax,
      Substitution substitution,
      Integer picked,
      Replacement replacement) {}

  /** One event of an order, as its timeline and its event stream show it. */
  @Schema(name = "OrderEvent")
  public record Event(
      String id,
      String orderId,
      long seq,
      OrderEventType type,
      Instant at,
      OrderStatus status,
      StockEffect stockEffect,
      Money total,
      PaymentReference payment,
      String note) {

    public static Event of(OrderEvent event) {
      return new Event(
          event.id(),
          event.orderId(),
          event.seq(),
          event.type(),
          event.at(),
          event.status(),
          event.stockEffect(),
          event.total(),
          event.payment(),
          event.note());
    }
  }

  public static OrderView of(Order order) {
    return new OrderView(
        order.id(),
        order.status(),
        order.storeId(),
        order.lines().stream()
            .map(l ->
                new Line(
                    l.id(),
                    l.sku(),
                    l.name(),
                    l.quantity(),
                    l.unitPrice(),
                    l.total(),
                    l.taxRateBasisPoints(),
                    l.tax(),
                    l.substitution(),
                    l.pick() == null ? null : l.pick().picked(),
                    l.pick() == null ? null : l.pick().replacement()))
            .toList(),
        order.price(),
        order.total(),
        order.voucherCode(),
        Payment.of(order.payment()),
        order.refunded(),
        order.createdAt(),
        order.expiresAt(),
        order.updatedAt(),
        order.events().stream().map(Event::of).toList(),
        order.promisedAt(),
        order.goodsCredit(),
        order.courier() == null ? null : order.courier().name());
  }

  /** The order as checkout answers it: with what the shopper's browser needs to pay it. */
  public OrderView withPayment(Payment started) {
    return new OrderView(
        id,
        status,
        storeId,
        lines,
        price,
        total,
        voucherCode,
        started,
        refunded,
        createdAt,
        expiresAt,
        updatedAt,
        timeline,
        promisedAt,
        credit,
        rider);
  }
}
