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
}
