package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.StockEffect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reading and writing the columns that {@code orders} and {@code order_events} share. */
final class OrderRows {

  private OrderRows() {}

  static PaymentReference payment(ResultSet row) throws SQLException {
    String provider = row.getString("payment_provider");
    return provider == null ? null : new PaymentReference(provider, row.getString("payment_id"));
  }

  static void bindPayment(PreparedStatement statement, int index, PaymentReference payment)
      throws SQLException {
    statement.setString(index, payment == null ? null : payment.provider());
    statement.setString(index + 1, payment == null ? null : payment.id());
  }

  static OrderEvent event(ResultSet row) throws SQLException {
    return new OrderEvent(
        row.getString("event_id"),
        row.getString("order_id"),
        row.getLong("seq"),
        OrderEventType.valueOf(row.getString("type")),
        row.getObject("at", OffsetDateTime.class).toInstant(),
        row.getString("shopper_id"),
        row.getString("store_id"),
        OrderStatus.valueOf(row.getString("status")),
        StockEffect.valueOf(row.getString("stock_effect")),
        Money.of(row.getLong("total_minor"), row.getString("currency")),
        payment(row),
        row.getString("note"));
  }

  /** Binds an event to the 14 parameters {@code (event_id, order_id, seq ... note)}. */
  static void bindEvent(PreparedStatement statement, OrderEvent event) throws SQLException {
    statement.setString(1, event.id());
    statement.setString(2, event.orderId());
    statement.setLong(3, event.seq());
    statement.setString(4, event.type().name());
    statement.setObject(5, event.at().atOffset(ZoneOffset.UTC));
    statement.setString(6, event.shopperId());
    statement.setString(7, event.storeId());
    statement.setString(8, event.status().name());
    statement.setString(9, event.stockEffect().name());
    statement.setLong(10, event.total().amountMinor());
    statement.setString(11, event.total().currency());
    bindPayment(statement, 12, event.payment());
    statement.setString(14, event.note());
  }
}
