package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to an order, with the order's state right after it. An order's events are
 * numbered 1, 2, 3 ... ({@code seq}) without gaps; {@code id} is unique across all orders, so a
 * subscriber that sees an event twice can tell.
 *
 * @param shopperId whose order it is (constant for the order's life)
 * @param storeId the dark store that delivers it (constant)
 * @param status the order's status after the event
 * @param stockEffect the stock change the event asks for ({@code NONE} when it asks for none)
 * @param total what the order costs
 * @param payment the payment that paid the order, once there is one (may be null)
 * @param note a reason, when the event has one (a failed payment's), else empty
 */
public record OrderEvent(
    String id,
    String orderId,
    long seq,
    OrderEventType type,
    Instant at,
    String shopperId,
    String storeId,
    OrderStatus status,
    StockEffect stockEffect,
    Money total,
    PaymentReference payment,
    String note) {

  public OrderEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(shopperId, "shopperId");
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stockEffect, "stockEffect");
    Objects.requireNonNull(total, "total");
    note = note == null ? "" : note;
    if (seq < 1) {
      throw new IllegalArgumentException("an order's events are numbered from 1");
    }
  }
}
