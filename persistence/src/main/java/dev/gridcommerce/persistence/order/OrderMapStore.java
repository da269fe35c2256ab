package dev.gridcommerce.persistence.order;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.domain.order.OrderIds;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Keeps the {@code orders} map (order id → order) in the {@code orders}, {@code order_lines} and
 * {@code order_events} tables, all of one batch in one transaction: an order row is never stored
 * without the events that led to it, nor an event without its order.
 *
 * <p>Rows are replaced only by the same or a higher order version, so a late or repeated
 * write-behind batch can't turn an order back; lines are upserted by line id (and those an order no
 * longer has are deleted); events are inserted once by id and once by number within their order,
 * each taking the next position of the event log while the transaction holds the log's head row,
 * which makes positions visible in order and without gaps ({@link PostgresOrderEventLog}). When a
 * member starts, open orders and orders with a stock change still to apply are loaded; closed ones
 * stay in PostgreSQL and load back by id, with all their events.
 */
public final class OrderMapStore extends PostgresMapStore<String, Order> {

  private static final String UPSERT_ORDER =
      """
      INSERT INTO orders (id, shopper_id, store_id, status, pending_stock, subtotal_minor,
                          discount_minor, delivery_fee_minor, tax_minor, total_minor, currency,
                          payment_provider, payment_id, created_at, expires_at, updated_at, version,
                          refunded_minor, small_basket_fee_minor, voucher_code, promised_at,
                          drop_off_lat, drop_off_lon, courier_id, courier_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        status = EXCLUDED.status, pending_stock = EXCLUDED.pending_stock,
        subtotal_minor = EXCLUDED.subtotal_minor, discount_minor = EXCLUDED.discount_minor,
        delivery_fee_minor = EXCLUDED.delivery_fee_minor, tax_minor = EXCLUDED.tax_minor,
        total_minor = EXCLUDED.total_minor, payment_provider = EXCLUDED.payment_provider,
        payment_id = EXCLUDED.payment_id, expires_at = EXCLUDED.expires_at,
        updated_at = EXCLUDED.updated_at, version = EXCLUDED.version,
        refunded_minor = EXCLUDED.refunded_minor,
        small_basket_fee_minor = EXCLUDED.small_basket_fee_minor,
        voucher_code = EXCLUDED.voucher_code,
        courier_id = EXCLUDED.courier_id, courier_name = EXCLUDED.courier_name
      WHERE orders.version <= EXCLUDED.version
      """;

  private static final String UPSERT_LINE =
      """
      INSERT INTO order_lines (order_id, line_id, line_no, sku, name, quantity, unit_price_minor,
                               order_version, tax_class, tax_rate_bp, tax_minor, substitution,
                               picked, replacement_sku, replacement_name, replacement_quantity,
                               replacement_unit_price_minor)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (order_id, line_id) DO UPDATE SET
        line_no = EXCLUDED.line_no, sku = EXCLUDED.sku, name = EXCLUDED.name,
        quantity = EXCLUDED.quantity, unit_price_minor = EXCLUDED.unit_price_minor,
        order_version = EXCLUDED.order_version, tax_class = EXCLUDED.tax_class,
        tax_rate_bp = EXCLUDED.tax_rate_bp, tax_minor = EXCLUDED.tax_minor,
        substitution = EXCLUDED.substitution, picked = EXCLUDED.picked,
        replacement_sku = EXCLUDED.replacement_sku, replacement_name = EXCLUDED.replacement_name,
        replacement_quantity = EXCLUDED.replacement_quantity,
        replacement_unit_price_minor = EXCLUDED.replacement_unit_price_minor
      WHERE order_lines.order_version <= EXCLUDED.order_version
      """;

  /** Lines older than their order's stored version: the order no longer has them. */
  private static final String DELETE_DROPPED_LINES =
      """
      DELETE FROM order_lines l USING orders o
      WHERE o.id = ANY(?) AND l.order_id = o.id AND l.order_version < o.version
      """;

  /** Locks the log's head row until commit: one storing transaction numbers events at a time. */
  private static final String LOCK_HEAD =
      "SELECT last_position FROM order_event_head WHERE id = 1 FOR UPDATE";

  /** Appends the events the log doesn't have yet, numbered in each order's sequence. */
  private static final String APPEND_EVENTS =
      """
      INSERT INTO order_events (event_id, order_id, seq, type, at, shopper_id, store_id, status,
                                stock_effect, total_minor, currency, payment_provider, payment_id,
                                note, position)
      SELECT e.*, ? + row_number() OVER (ORDER BY e.order_id, e.seq)
      FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::text[],
                  ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                  ?::text[])
        AS e(event_id, order_id, seq, type, at, shopper_id, store_id, status, stock_effect,
             total_minor, currency, payment_provider, payment_id, note)
      WHERE NOT EXISTS (
        SELECT 1 FROM order_events x
        WHERE x.event_id = e.event_id OR (x.order_id = e.order_id AND x.seq = e.seq))
      """;

  private static final String MOVE_HEAD =
      "UPDATE order_event_head SET last_position = last_position + ? WHERE id = 1";

  private static final String EVENTS_OF_ORDERS =
      "SELECT * FROM order_events WHERE order_id = ANY(?) ORDER BY order_id, seq";

  private record NumberedLine(Order order, int lineNo, OrderLine line) {}

  public OrderMapStore() {
    this(null);
  }

  public OrderMapStore(Database database) {
    super(database, "orders");
  }

  /** Also makes the stored events readable for the member's subscribers ({@link OrderEventLog}). */
  @Override
  public void init(HazelcastInstance member, Properties properties, String mapName) {
    super.init(member, properties, mapName);
    member
        .getUserContext()
        .putIfAbsent(OrderEventLog.class.getName(), new PostgresOrderEventLog(database()));
  }

  /** The event log of this store's database. */
  OrderEventLog eventLog() {
    return new PostgresOrderEventLog(database());
  }

  @Override
  protected void upsert(Map<String, Order> entries) {
    List<Order> orders = List.copyOf(entries.values());
    batch(
        UPSERT_ORDER,
        orders,
        (statement, order) -> {
          PriceBreakdown price = order.price();
          statement.setString(1, order.id());
          statement.setString(2, order.shopperId());
          statement.setString(3, order.storeId());
          statement.setString(4, order.status().name());
          statement.setString(5, order.pendingStock().name());
          statement.setLong(6, price.subtotal().amountMinor());
          statement.setLong(7, price.discount().amountMinor());
          statement.setLong(8, price.deliveryFee().amountMinor());
          statement.setLong(9, price.tax().amountMinor());
          statement.setLong(10, price.total().amountMinor());
          statement.setString(11, price.currency());
          OrderRows.bindPayment(statement, 12, order.payment());
          statement.setObject(14, utc(order.createdAt()));
          statement.setObject(15, utc(order.expiresAt()));
          statement.setObject(16, utc(order.updatedAt()));
          statement.setLong(17, order.version());
          statement.setLong(18, order.refunded().amountMinor());
          statement.setLong(19, price.smallBasketFee().amountMinor());
          statement.setString(20, order.voucherCode());
          if (order.promisedAt() == null) {
            statement.setNull(21, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
          } else {
            statement.setObject(21, utc(order.promisedAt()));
          }
          statement.setObject(22, order.dropOff() == null ? null : order.dropOff().lat());
          statement.setObject(23, order.dropOff() == null ? null : order.dropOff().lon());
          statement.setString(24, order.courier() == null ? null : order.courier().riderId());
          statement.setString(25, order.courier() == null ? null : order.courier().name());
        });
    storeLines(orders);
    appendEvents(orders);
  }

  private void storeLines(List<Order> orders) {
    List<NumberedLine> lines = new ArrayList<>();
    for (Order order : orders) {
      for (int i = 0; i < order.lines().size(); i++) {
        lines.add(new NumberedLine(order, i, order.lines().get(i)));
      }
    }
    batch(
        UPSERT_LINE,
        lines,
        (statement, numbered) -> {
          statement.setString(1, numbered.order().id());
          statement.setString(2, numbered.line().id());
          statement.setInt(3, numbered.lineNo());
          statement.setString(4, numbered.line().sku());
          statement.setString(5, numbered.line().name());
          statement.setInt(6, numbered.line().quantity());
          statement.setLong(7, numbered.line().unitPrice().amountMinor());
          statement.setLong(8, numbered.order().version());
          statement.setString(9, numbered.line().taxClass().name());
          statement.setInt(10, numbered.line().taxRateBasisPoints());
          statement.setLong(11, numbered.line().tax().amountMinor());
          OrderRows.bindPick(statement, 12, numbered.line());
        });
    updateByKeys(DELETE_DROPPED_LINES, orders.stream().map(Order::id).toList());
  }

  /**
   * Appends the batch's events that the log doesn't have yet, under the lock of the log's head row
   * (held until commit), and moves the head past them.
   */
  private void appendEvents(List<Order> orders) {
    List<OrderEvent> events = orders.stream().flatMap(order -> order.events().stream()).toList();
    var jdbc = database().jdbc();
    Long head = jdbc.queryForObject(LOCK_HEAD, Long.class);
    int appended =
        jdbc.update(
            APPEND_EVENTS,
            statement -> {
              statement.setLong(1, head);
              statement.setArray(2, textArray(statement, column(events, OrderEvent::id)));
              statement.setArray(3, textArray(statement, column(events, OrderEvent::orderId)));
              statement.setArray(4, longArray(statement, column(events, OrderEvent::seq)));
              statement.setArray(5, textArray(statement, column(events, e -> e.type().name())));
              statement.setArray(6, timestampArray(statement, column(events, OrderEvent::at)));
              statement.setArray(7, textArray(statement, column(events, OrderEvent::shopperId)));
              statement.setArray(8, textArray(statement, column(events, OrderEvent::storeId)));
              statement.setArray(9, textArray(statement, column(events, e -> e.status().name())));
              statement.setArray(
                  10, textArray(statement, column(events, e -> e.stockEffect().name())));
              statement.setArray(
                  11, longArray(statement, column(events, e -> e.total().amountMinor())));
              statement.setArray(
                  12, textArray(statement, column(events, e -> e.total().currency())));
              statement.setArray(
                  13,
                  textArray(
                      statement,
                      column(events, e -> e.payment() == null ? null : e.payment().provider())));
              statement.setArray(
                  14,
                  textArray(
                      statement,
                      column(events, e -> e.payment() == null ? null : e.payment().id())));
              statement.setArray(15, textArray(statement, column(events, OrderEvent::note)));
            });
    jdbc.update(MOVE_HEAD, appended);
  }

  private static <T> List<T> column(List<OrderEvent> events, Function<OrderEvent, T> field) {
    List<T> values = new ArrayList<>(events.size());
    events.forEach(event -> values.add(field.apply(event)));
    return values;
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
            (row, n) -> Map.entry(row.getString("order_id"), OrderRows.line(row)))
        .forEach(entry ->
            lines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
    Map<String, List<OrderEvent>> events = new HashMap<>();
    queryByKeys(EVENTS_OF_ORDERS, ids, (row, n) -> OrderRows.event(row))
        .forEach(
            event -> events.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event));
    Map<String, Order> loaded = new HashMap<>();
    queryByKeys(
            "SELECT * FROM orders WHERE id = ANY(?)",
            ids,
            (row, n) -> {
              String currency = row.getString("currency");
              return new Order(
                  row.getString("id"),
                  row.getString("shopper_id"),
                  row.getString("store_id"),
                  lines.getOrDefault(row.getString("id"), List.of()),
                  new PriceBreakdown(
                      Money.of(row.getLong("subtotal_minor"), currency),
                      Money.of(row.getLong("discount_minor"), currency),
                      Money.of(row.getLong("delivery_fee_minor"), currency),
                      Money.of(row.getLong("small_basket_fee_minor"), currency),
                      Money.of(row.getLong("tax_minor"), currency),
                      Money.of(row.getLong("total_minor"), currency)),
                  row.getString("voucher_code"),
                  OrderStatus.valueOf(row.getString("status")),
                  StockEffect.valueOf(row.getString("pending_stock")),
                  OrderRows.payment(row),
                  Money.of(row.getLong("refunded_minor"), currency),
                  instant(row, "created_at"),
                  instant(row, "expires_at"),
                  instant(row, "updated_at"),
                  row.getLong("version"),
                  events.getOrDefault(row.getString("id"), List.of()),
                  row.getObject("promised_at") == null ? null : instant(row, "promised_at"),
                  OrderRows.dropOff(row),
                  OrderRows.courier(row));
            })
        .forEach(order -> loaded.put(order.id(), order));
    return loaded;
  }

  /**
   * The open orders, closed ones with a stock change still to apply (those that sweeps, staff and
   * shoppers still act on), and every order made within {@link OrderIds#NEVER_ONLY_STORED_WITHIN}:
   * the grid has those whatever their status, so a fresh id it misses needs no query.
   */
  @Override
  protected List<String> keysToLoad() {
    List<String> open = OrderStatus.open().stream().map(Enum::name).toList();
    return database()
        .jdbc()
        .query(
            "SELECT id FROM orders WHERE status = ANY(?) OR pending_stock <> 'NONE'"
                + " OR created_at > now() - make_interval(secs => ?)",
            statement -> {
              statement.setArray(1, textArray(statement, open));
              statement.setLong(2, OrderIds.NEVER_ONLY_STORED_WITHIN.toSeconds());
            },
            (row, n) -> row.getString("id"));
  }

  /** A fresh order id the grid misses names no order ({@link OrderIds#mayBeStoredOnly}). */
  @Override
  protected boolean mayBeStoredOnly(String id) {
    return OrderIds.mayBeStoredOnly(id, Instant.now());
  }
}
