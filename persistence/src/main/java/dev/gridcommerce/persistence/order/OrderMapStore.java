package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Keeps the {@code orders} map (order id → order) in the {@code orders} and {@code order_lines}
 * tables. Lines never change once an order is placed, so they are inserted once and a repeated
 * store skips them. When a member starts, only open orders are loaded; closed ones stay in
 * PostgreSQL and load back by id.
 */
public final class OrderMapStore extends PostgresMapStore<String, Order> {

  private static final String UPSERT_ORDER =
      """
      INSERT INTO orders (id, shopper_id, store_id, status, pending_stock, total_minor, currency,
                          created_at, expires_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        status = EXCLUDED.status, pending_stock = EXCLUDED.pending_stock,
        expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
      WHERE orders.updated_at <= EXCLUDED.updated_at
      """;

  private static final String INSERT_LINE =
      """
      INSERT INTO order_lines (order_id, line_no, sku, name, quantity, unit_price_minor)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (order_id, line_no) DO NOTHING
      """;

  private record NumberedLine(String orderId, int lineNo, OrderLine line) {}

  public OrderMapStore() {
    this(null);
  }

  public OrderMapStore(Database database) {
    super(database, "orders");
  }

  @Override
  protected void upsert(Map<String, Order> entries) {
    List<Order> orders = List.copyOf(entries.values());
    batch(
        UPSERT_ORDER,
        orders,
        (statement, order) -> {
          statement.setString(1, order.id());
          statement.setString(2, order.shopperId());
          statement.setString(3, order.storeId());
          statement.setString(4, order.status().name());
          statement.setString(5, order.pendingStock().name());
          statement.setLong(6, order.total().amountMinor());
          statement.setString(7, order.total().currency());
          statement.setObject(8, utc(order.createdAt()));
          statement.setObject(9, utc(order.expiresAt()));
          statement.setObject(10, utc(order.updatedAt()));
        });
    List<NumberedLine> lines =
        orders.stream()
            .flatMap(order ->
                IntStream.range(0, order.lines().size())
                    .mapToObj(i -> new NumberedLine(order.id(), i, order.lines().get(i))))
            .toList();
    batch(
        INSERT_LINE,
        lines,
        (statement, numbered) -> {
          statement.setString(1, numbered.orderId());
          statement.setInt(2, numbered.lineNo());
          statement.setString(3, numbered.line().sku());
          statement.setString(4, numbered.line().name());
          statement.setInt(5, numbered.line().quantity());
          statement.setLong(6, numbered.line().unitPrice().amountMinor());
        });
  }

  @Override
  protected void remove(List<String> ids) {
    updateByKeys("DELETE FROM order_lines WHERE order_id = ANY(?)", ids);
    updateByKeys("DELETE FROM orders WHERE id = ANY(?)", ids);
  }

  @Override
  protected Map<String, Order> loadChunk(List<String> ids) {
    Map<String, List<OrderLine>> lines = new HashMap<>();
    queryByKeys(
            "SELECT l.*, o.currency FROM order_lines l JOIN orders o ON o.id = l.order_id"
                + " WHERE l.order_id = ANY(?) ORDER BY l.order_id, l.line_no",
            ids,
            (row, n) ->
                Map.entry(
                    row.getString("order_id"),
                    new OrderLine(
                        row.getString("sku"),
                        row.getString("name"),
                        row.getInt("quantity"),
                        Money.of(row.getLong("unit_price_minor"), row.getString("currency")))))
        .forEach(entry ->
            lines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
    Map<String, Order> loaded = new HashMap<>();
    queryByKeys(
            "SELECT * FROM orders WHERE id = ANY(?)",
            ids,
            (row, n) ->
                new Order(
                    row.getString("id"),
                    row.getString("shopper_id"),
                    row.getString("store_id"),
                    lines.getOrDefault(row.getString("id"), List.of()),
                    OrderStatus.valueOf(row.getString("status")),
                    StockEffect.valueOf(row.getString("pending_stock")),
                    instant(row, "created_at"),
                    instant(row, "expires_at"),
                    instant(row, "updated_at")))
        .forEach(order -> loaded.put(order.id(), order));
    return loaded;
  }

  /**
   * The open orders, and closed ones with a stock change still to apply: those that sweeps, staff
   * and shoppers still act on.
   */
  @Override
  protected List<String> keysToLoad() {
    return database()
        .jdbc()
        .queryForList(
            "SELECT id FROM orders"
                + " WHERE status IN ('PENDING_PAYMENT', 'PAID', 'PICKING', 'OUT_FOR_DELIVERY')"
                + " OR pending_stock <> 'NONE'",
            String.class);
  }
}
