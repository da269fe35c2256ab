package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import java.time.Instant;
import java.util.List;

/**
 * An order as its shopper and the store's staff see it, with its price breakdown and its timeline
 * (its events, oldest first; {@code seq} is what {@code Last-Event-ID} names on the event stream).
 */
public record OrderView(
    String id,
    OrderStatus status,
    String storeId,
    List<Line> lines,
    PriceBreakdown price,
    Money total,
    PaymentReference payment,
    Instant createdAt,
    Instant expiresAt,
    Instant updatedAt,
    List<Event> timeline) {

  public record Line(
      String id, String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}

  /** One event of an order, as its timeline and its event stream show it. */
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

    static Event of(OrderEvent event) {
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
            .map(l -> new Line(l.id(), l.sku(), l.name(), l.quantity(), l.unitPrice(), l.total()))
            .toList(),
        order.price(),
        order.total(),
        order.payment(),
        order.createdAt(),
        order.expiresAt(),
        order.updatedAt(),
        order.events().stream().map(Event::of).toList());
  }
}
