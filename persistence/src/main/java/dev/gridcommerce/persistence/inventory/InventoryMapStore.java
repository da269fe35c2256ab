package dev.gridcommerce.persistence.inventory;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
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
 * Keeps the {@code inventory} map ((store, sku) → stock) in the {@code stock} table. An upsert only
 * replaces a row of a lower version, so a late or repeated write-behind batch can never turn the
 * stored stock back to an older state.
 */
public final class InventoryMapStore extends PostgresMapStore<StockKey, Stock> {

  private static final String UPSERT =
      """
      INSERT INTO stock (store_id, sku, on_hand, reserved, version,
                         hold_order_ids, hold_quantities, hold_expires_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (store_id, sku) DO UPDATE SET
        on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, version = EXCLUDED.version,
        hold_order_ids = EXCLUDED.hold_order_ids, hold_quantities = EXCLUDED.hold_quantities,
        hold_expires_at = EXCLUDED.hold_expires_at, updated_at = now()
      WHERE stock.version < EXCLUDED.version
      """;

  private static final String BY_KEYS =
      """
      SELECT s.* FROM stock s
      JOIN unnest(?::text[], ?::text[]) AS k(store_id, sku) USING (store_id, sku)
      """;

  private static final String DELETE_BY_KEYS =
      """
      DELETE FROM stock s USING unnest(?::text[], ?::text[]) AS k(store_id, sku)
      WHERE s.store_id = k.store_id AND s.sku = k.sku
      """;

  public InventoryMapStore() {
    this(null);
  }

  public InventoryMapStore(Database database) {
    super(database);
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
          statement.setLong(5, stock.version());
          statement.setArray(
              6, textArray(statement, stock.holds().stream().map(Hold::orderId).toList()));
          statement.setArray(
              7, intArray(statement, stock.holds().stream().map(Hold::quantity).toList()));
          statement.setArray(
              8, timestampArray(statement, stock.holds().stream().map(Hold::expiresAt).toList()));
        });
  }

  @Override
  protected void remove(List<StockKey> keys) {
    database().jdbc().update(DELETE_BY_KEYS, statement -> bindKeys(statement, keys));
  }

  @Override
  protected Map<StockKey, Stock> loadChunk(List<StockKey> keys) {
    Map<StockKey, Stock> loaded = new HashMap<>();
    database()
        .jdbc()
        .query(
            BY_KEYS,
            statement -> bindKeys(statement, keys),
            row -> {
              loaded.put(new StockKey(row.getString("store_id"), row.getString("sku")), stock(row));
            });
    return loaded;
  }

  @Override
  public Iterable<StockKey> loadAllKeys() {
    return database()
        .jdbc()
        .query(
            "SELECT store_id, sku FROM stock",
            (row, n) -> new StockKey(row.getString("store_id"), row.getString("sku")));
  }

  private static void bindKeys(PreparedStatement statement, List<StockKey> keys)
      throws SQLException {
    statement.setArray(1, textArray(statement, keys.stream().map(StockKey::storeId).toList()));
    statement.setArray(2, textArray(statement, keys.stream().map(StockKey::sku).toList()));
  }

  private static Stock stock(ResultSet row) throws SQLException {
    List<String> orderIds = strings(row, "hold_order_ids");
    List<Integer> quantities = integers(row, "hold_quantities");
    List<Instant> expiries = instants(row, "hold_expires_at");
    List<Hold> holds = new ArrayList<>(orderIds.size());
    for (int i = 0; i < orderIds.size(); i++) {
      holds.add(new Hold(orderIds.get(i), quantities.get(i), expiries.get(i)));
    }
    return new Stock(row.getInt("on_hand"), holds, row.getLong("version"));
  }
}
