package dev.gridcommerce.persistence.inventory;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code inventory} map ((store, sku) → stock) in the {@code stock} table, and the
 * stock's recent movements in the {@code stock_movements} ledger, in the same transaction.
 *
 * <p>An upsert only replaces a row of a lower version, so a late or repeated write-behind batch can
 * never turn the stored stock back to an older state; ledger rows are inserted once by their id.
 * Write-behind coalesces a stock entry's changes to its latest state, which carries its last
 * {@value Stock#MOVEMENTS_KEPT} movements: the ledger misses none unless one (store, sku) gets more
 * staff movements than that within one write-behind delay.
 */
public final class InventoryMapStore extends PostgresMapStore<StockKey, Stock> {

  private static final String UPSERT =
      """
      INSERT INTO stock (store_id, sku, on_hand, reserved, sold, version, on_hand_version,
                         hold_order_ids, hold_quantities, hold_expires_at, hold_states, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (store_id, sku) DO UPDATE SET
        on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, sold = EXCLUDED.sold,
        version = EXCLUDED.version, on_hand_version = EXCLUDED.on_hand_version,
        hold_order_ids = EXCLUDED.hold_order_ids, hold_quantities = EXCLUDED.hold_quantities,
        hold_expires_at = EXCLUDED.hold_expires_at, hold_states = EXCLUDED.hold_states,
        updated_at = now()
      WHERE stock.version < EXCLUDED.version
      """;

  private static final String INSERT_MOVEMENT =
      """
      INSERT INTO stock_movements (store_id, sku, seq, id, delta, reason, note, actor, at, on_hand_after)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """;

  private static final String BY_KEYS =
      """
      SELECT s.* FROM stock s
      JOIN unnest(?::text[], ?::text[]) AS k(store_id, sku) USING (store_id, sku)
      """;

  private static final String RECENT_MOVEMENTS_BY_KEYS =
      """
      SELECT * FROM (
        SELECT m.*, row_number() OVER (PARTITION BY m.store_id, m.sku ORDER BY m.seq DESC) AS recency
        FROM stock_movements m
        JOIN unnest(?::text[], ?::text[]) AS k(store_id, sku) USING (store_id, sku)
      ) recent
      WHERE recency <= %d
      ORDER BY store_id, sku, seq
      """
          .formatted(Stock.MOVEMENTS_KEPT);

  private static final String DELETE_BY_KEYS =
      """
      DELETE FROM stock s USING unnest(?::text[], ?::text[]) AS k(store_id, sku)
      WHERE s.store_id = k.store_id AND s.sku = k.sku
      """;

  /** A ledger row: a movement of one stock entry and its place in that entry's sequence. */
  private record LedgerRow(StockKey key, long seq, StockMovement movement) {}

  public InventoryMapStore() {
    this(null);
  }

  public InventoryMapStore(Database database) {
    super(database, "inventory");
  }

  @Override
  protected void upsert(Map<StockKey, Stock> entries) {
    batch(
        UPSERT,
        entries.entrySet(),
        (statement, entry) -> {
          Stock stock = entry.getValue();
          statement.setString(1, entry.getKey().storeId());
          statement.setString(2, entry.getKey().sku());
          statement.setInt(3, stock.onHand());
          statement.setInt(4, stock.reserved());
          statement.setInt(5, stock.sold());
          statement.setLong(6, stock.version());
          statement.setLong(7, stock.onHandVersion());
          statement.setArray(
              8, textArray(statement, stock.holds().stream().map(Hold::orderId).toList()));
          statement.setArray(
              9, intArray(statement, stock.holds().stream().map(Hold::quantity).toList()));
          statement.setArray(
              10, timestampArray(statement, stock.holds().stream().map(Hold::expiresAt).toList()));
          statement.setArray(
              11, textArray(statement, stock.holds().stream().map(h -> h.state().name()).toList()));
        });
    batch(INSERT_MOVEMENT, ledgerRows(entries), InventoryMapStore::bindLedgerRow);
  }

  private static List<LedgerRow> ledgerRows(Map<StockKey, Stock> entries) {
    List<LedgerRow> rows = new ArrayList<>();
    entries.forEach((key, stock) -> {
      List<StockMovement> movements = stock.movements();
      for (int i = 0; i < movements.size(); i++) {
        // each movement moved the on-hand version by one, the last one to the current version
        rows.add(
            new LedgerRow(
                key, stock.onHandVersion() - (movements.size() - 1 - i), movements.get(i)));
      }
    });
    return rows;
  }

  private static void bindLedgerRow(PreparedStatement statement, LedgerRow row)
      throws SQLException {
    StockMovement movement = row.movement();
    statement.setString(1, row.key().storeId());
    statement.setString(2, row.key().sku());
    statement.setLong(3, row.seq());
    statement.setString(4, movement.id());
    statement.setInt(5, movement.delta());
    statement.setString(6, movement.reason().name());
    statement.setString(7, movement.note());
    statement.setString(8, movement.actor());
    statement.setObject(9, utc(movement.at()));
    statement.setInt(10, movement.onHandAfter());
  }

  @Override
  protected void remove(List<StockKey> keys) {
    database().jdbc().update(DELETE_BY_KEYS, statement -> bindKeys(statement, keys));
  }

  @Override
  protected Map<StockKey, Stock> loadChunk(List<StockKey> keys) {
    Map<StockKey, List<StockMovement>> movements = new HashMap<>();
    database()
        .jdbc()
        .query(
            RECENT_MOVEMENTS_BY_KEYS,
            statement -> bindKeys(statement, keys),
            row -> {
              movements.computeIfAbsent(key(row), k -> new ArrayList<>()).add(movement(row));
            });
    Map<StockKey, Stock> loaded = new HashMap<>();
    database()
        .jdbc()
        .query(
            BY_KEYS,
            statement -> bindKeys(statement, keys),
            row -> {
              StockKey key = key(row);
              loaded.put(key, stock(row, movements.getOrDefault(key, List.of())));
            });
    return loaded;
  }

  @Override
  protected List<StockKey> keysToLoad() {
    return database().jdbc().query("SELECT store_id, sku FROM stock", (row, n) -> key(row));
  }

  private static StockKey key(ResultSet row) throws SQLException {
    return new StockKey(row.getString("store_id"), row.getString("sku"));
  }

  private static void bindKeys(PreparedStatement statement, List<StockKey> keys)
      throws SQLException {
    statement.setArray(1, textArray(statement, keys.stream().map(StockKey::storeId).toList()));
    statement.setArray(2, textArray(statement, keys.stream().map(StockKey::sku).toList()));
  }

  private static StockMovement movement(ResultSet row) throws SQLException {
    return new StockMovement(
        row.getString("id"),
        row.getInt("delta"),
        MovementReason.valueOf(row.getString("reason")),
        row.getString("note"),
        row.getString("actor"),
        instant(row, "at"),
        row.getInt("on_hand_after"));
  }

  private static Stock stock(ResultSet row, List<StockMovement> movements) throws SQLException {
    List<String> orderIds = strings(row, "hold_order_ids");
    List<Integer> quantities = integers(row, "hold_quantities");
    List<Instant> expiries = instants(row, "hold_expires_at");
    List<String> states = strings(row, "hold_states");
    List<Hold> holds = new ArrayList<>(orderIds.size());
    for (int i = 0; i < orderIds.size(); i++) {
      holds.add(
          new Hold(
              orderIds.get(i),
              quantities.get(i),
              expiries.get(i),
              Hold.State.valueOf(states.get(i))));
    }
    return new Stock(
        row.getInt("on_hand"),
        holds,
        movements,
        row.getLong("version"),
        row.getLong("on_hand_version"));
  }
}
