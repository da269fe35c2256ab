package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.LinePick;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.order.Substitution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * Reading and writing the columns that {@code orders} and {@code order_events} share, and the
 * fulfilment columns of orders and their lines.
 */
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

  /** A row of {@code order_lines} joined with its order's {@code currency}. */
  static OrderLine line(ResultSet row) throws SQLException {
    String currency = row.getString("currency");
    return new OrderLine(
        row.getString("line_id"),
        row.getString("sku"),
        row.getString("name"),
        row.getInt("quantity"),
        Money.of(row.getLong("unit_price_minor"), currency),
        TaxClass.valueOf(row.getString("tax_class")),
        row.getInt("tax_rate_bp"),
        Money.of(row.getLong("tax_minor"), currency),
        Substitution.decode(row.getString("substitution")),
        pick(row, currency));
  }

  private static LinePick pick(ResultSet row, String currency) throws SQLException {
    int picked = row.getInt("picked");
    if (row.wasNull()) {
      return null;
    }
    String sku = row.getString("replacement_sku");
    return new LinePick(
        picked,
        sku == null
            ? null
            : new Replacement(
                sku,
                row.getString("replacement_name"),
                row.getInt("replacement_quantity"),
                Money.of(row.getLong("replacement_unit_price_minor"), currency)));
  }

  /** Binds the line's substitution, pick and replacement to six parameters from {@code index}. */
  static void bindPick(PreparedStatement statement, int index, OrderLine line) throws SQLException {
    LinePick pick = line.pick();
    Replacement replacement = pick == null ? null : pick.replacement();
    statement.setString(index, line.substitution().encoded());
    statement.setObject(index + 1, pick == null ? null : pick.picked(), Types.INTEGER);
    statement.setString(index + 2, replacement == null ? null : replacement.sku());
    statement.setString(index + 3, replacement == null ? null : replacement.name());
    statement.setObject(
        index + 4, replacement == null ? null : replacement.quantity(), Types.INTEGER);
    statement.setObject(
        index + 5,
        replacement == null ? null : replacement.unitPrice().amountMinor(),
        Types.BIGINT);
  }

  static GeoPoint dropOff(ResultSet row) throws SQLException {
    double lat = row.getDouble("drop_off_lat");
    boolean none = row.wasNull();
    double lon = row.getDouble("drop_off_lon");
    return none || row.wasNull() ? null : new GeoPoint(lat, lon);
  }

  static Courier courier(ResultSet row) throws SQLException {
    String id = row.getString("courier_id");
    return id == null ? null : new Courier(id, row.getString("courier_name"));
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
