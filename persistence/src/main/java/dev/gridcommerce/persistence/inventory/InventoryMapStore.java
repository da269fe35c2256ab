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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@code inventory} map ((store, sku) → stock) in the {@code stock} table, its holds in
 * {@code stock_holds} (a row each), and the stock's recent movements in the {@code stock_movements}
 * ledger, all in the same transaction.
 *
 * <p>A stock row is only ever replaced by a higher version, so a late or repeated write-behind
 * batch can never turn the stored stock back to an older state; ledger rows are inserted once by
 * their id. Write-behind coalesces a stock entry's changes to its latest state, which carries its
 * last {@value Stock#MOVEMENTS_KEPT} movements: the ledger misses none unless one (store, sku) gets
 * more staff movements than that within one write-behind delay.
 *
 * <p>Storing an entry writes only its holds that changed since this store last wrote it ({@link
 * Stock#holdersChangedSince}), when the stored row is still the version it wrote (checked in the
 * same statement that replaces it); otherwise (the first store after a start or a migration, or a
 * stock whose journal no longer reaches back) it rewrites the entry's holds whole.
 */
public final class InventoryMapStore extends PostgresMapStore<StockKey, Stock> {

  /** Replaces rows of a lower version; answers the keys it wrote. */
  private static final String UPSERT_WHOLE =
      """
      INSERT INTO stock (store_id, sku, on_hand, reserved, sold, version, on_hand_version, updated_at)
      SELECT k.*, now()
      FROM unnest(?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::bigint[], ?::bigint[])
          AS k(store_id, sku, on_hand, reserved, sold, version, on_hand_version)
      ON CONFLICT (store_id, sku) DO UPDATE SET
        on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, sold = EXCLUDED.sold,
        version = EXCLUDED.version, on_hand_version = EXCLUDED.on_hand_version,
        updated_at = now()
      WHERE stock.version < EXCLUDED.version
      RETURNING store_id, sku
      """;

  /** Replaces rows still at the version this store last wrote; answers the keys it wrote. */
  private static final String UPDATE_FROM_BASE =
      """
      UPDATE stock s SET
        on_hand = k.on_hand, reserved = k.reserved, sold = k.sold, version = k.version,
        on_hand_version = k.on_hand_version, updated_at = now()
      FROM unnest(?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::bigint[], ?::bigint[], ?::bigint[])
          AS k(store_id, sku, on_hand, reserved, sold, version, on_hand_version, base_version)
      WHERE s.store_id = k.store_id AND s.sku = k.sku AND s.version = k.base_version
      RETURNING s.store_id, s.sku
      """;

  private static final String DELETE_ALL_HOLDS =
      """
      DELETE FROM stock_holds h USING unnest(?::text[], ?::text[]) AS k(store_id, sku)
      WHERE h.store_id = k.store_id AND h.sku = k.sku
      """;

  private static final String DELETE_HOLDS =
      """
      DELETE FROM stock_holds h USING unnest(?::text[], ?::text[], ?::text[]) AS k(store_id, sku, holder_id)
      WHERE h.store_id = k.store_id AND h.sku = k.sku AND h.holder_id = k.holder_id
      """;

  private static final String UPSERT_HOLD =
      """
      INSERT INTO stock_holds (store_id, sku, holder_id, quantity, expires_at, state)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (store_id, sku, holder_id) DO UPDATE SET
        quantity = EXCLUDED.quantity, expires_at = EXCLUDED.expires_at, state = EXCLUDED.state
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

  private static final String HOLDS_BY_KEYS =
      """
      SELECT h.* FROM stock_holds h
      JOIN unnest(?::text[], ?::text[]) AS k(store_id, sku) USING (store_id, sku)
      """;

  private static final String DELETE_BY_KEYS =
      """
      DELETE FROM stock s USING unnest(?::text[], ?::text[]) AS k(store_id, sku)
      WHERE s.store_id = k.store_id AND s.sku = k.sku
      """;

  /** A ledger row: a movement of one stock entry and its place in that entry's sequence. */
  private record LedgerRow(StockKey key, long seq, StockMovement movement) {}

  /** A hold of one stock entry, as a row of {@code stock_holds}. */
  private record HoldRow(StockKey key, Hold hold) {}

  /**
   * The version of each entry this store last wrote (after its transaction committed): the base
   * from which it writes only what changed. Lost on restart and not shared between members: then
   * the entry is written whole once.
   */
  private final Map<StockKey, Long> storedVersions = new ConcurrentHashMap<>();

  public InventoryMapStore() {
    this(null);
  }

  public InventoryMapStore(Database database) {
    super(database, "inventory");
  }

  @Override
  protected void upsert(Map<StockKey, Stock> entries) {
    Map<StockKey, Collection<String>> changedHolders = new HashMap<>();
    Map<StockKey, Long> bases = new HashMap<>();
    entries.forEach((key, stock) -> {
      Long base = storedVersions.get(key);
      Optional<Collection<String>> changed =
          base == null ? Optional.empty() : stock.holdersChangedSince(base);
      if (changed.isPresent() && base < stock.version()) {
        changedHolders.put(key, changed.get());
        bases.put(key, base);
      }
    });
    Set<StockKey> written = new HashSet<>(updateFromBase(entries, bases));
    Map<StockKey, Stock> whole = new HashMap<>(entries);
    whole.keySet().removeIf(key -> written.contains(key) || isUnchanged(key, entries.get(key)));
    List<StockKey> rewritten = upsertWhole(whole);
    writeChangedHolds(entries, changedHolders, written);
    rewriteHolds(entries, rewritten);
    batch(INSERT_MOVEMENT, ledgerRows(entries), InventoryMapStore::bindLedgerRow);

    Map<StockKey, Long> stored = new HashMap<>();
    written.forEach(key -> stored.put(key, entries.get(key).version()));
    rewritten.forEach(key -> stored.put(key, entries.get(key).version()));
    afterCommit(() -> storedVersions.putAll(stored));
  }

  /** Stored by this store at exactly this version already: nothing to write. */
  private boolean isUnchanged(StockKey key, Stock stock) {
    Long base = storedVersions.get(key);
    return base != null && base == stock.version();
  }

  private List<StockKey> updateFromBase(Map<StockKey, Stock> entries, Map<StockKey, Long> bases) {
    if (bases.isEmpty()) {
      return List.of();
    }
    List<StockKey> keys = List.copyOf(bases.keySet());
    return database()
        .jdbc()
        .query(
            UPDATE_FROM_BASE,
            statement -> {
              bindLevels(statement, keys, entries);
              statement.setArray(8, longArray(statement, keys.stream().map(bases::get).toList()));
            },
            (row, n) -> key(row));
  }

  private List<StockKey> upsertWhole(Map<StockKey, Stock> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<StockKey> keys = List.copyOf(entries.keySet());
    return database()
        .jdbc()
        .query(
            UPSERT_WHOLE, statement -> bindLevels(statement, keys, entries), (row, n) -> key(row));
  }

  private static void bindLevels(
      PreparedStatement statement, List<StockKey> keys, Map<StockKey, Stock> entries)
      throws SQLException {
    List<Stock> stocks = keys.stream().map(entries::get).toList();
    bindKeys(statement, keys);
    statement.setArray(3, intArray(statement, stocks.stream().map(Stock::onHand).toList()));
    statement.setArray(4, intArray(statement, stocks.stream().map(Stock::reserved).toList()));
    statement.setArray(5, intArray(statement, stocks.stream().map(Stock::sold).toList()));
    statement.setArray(6, longArray(statement, stocks.stream().map(Stock::version).toList()));
    statement.setArray(7, longArray(statement, stocks.stream().map(Stock::onHandVersion).toList()));
  }

  /** The holds that changed since the base version: written when present, deleted when gone. */
  private void writeChangedHolds(
      Map<StockKey, Stock> entries,
      Map<StockKey, Collection<String>> changedHolders,
      Set<StockKey> written) {
    List<HoldRow> present = new ArrayList<>();
    List<StockKey> goneFrom = new ArrayList<>();
    List<String> goneHolders = new ArrayList<>();
    for (StockKey key : written) {
      Stock stock = entries.get(key);
      for (String holder : changedHolders.get(key)) {
        Optional<Hold> hold = stock.holdOf(holder);
        if (hold.isPresent()) {
          present.add(new HoldRow(key, hold.get()));
        } else {
          goneFrom.add(key);
          goneHolders.add(holder);
        }
      }
    }
    if (!goneFrom.isEmpty()) {
      database()
          .jdbc()
          .update(
              DELETE_HOLDS,
              statement -> {
                bindKeys(statement, goneFrom);
                statement.setArray(3, textArray(statement, goneHolders));
              });
    }
    batch(UPSERT_HOLD, present, InventoryMapStore::bindHold);
  }

  /** The stock rows written whole get their holds written whole too. */
  private void rewriteHolds(Map<StockKey, Stock> entries, List<StockKey> keys) {
    if (keys.isEmpty()) {
      return;
    }
    database().jdbc().update(DELETE_ALL_HOLDS, statement -> bindKeys(statement, keys));
    List<HoldRow> rows = new ArrayList<>();
    keys.forEach(key -> entries.get(key).holds().forEach(hold -> rows.add(new HoldRow(key, hold))));
    batch(UPSERT_HOLD, rows, InventoryMapStore::bindHold);
  }

  private static void bindHold(PreparedStatement statement, HoldRow row) throws SQLException {
    statement.setString(1, row.key().storeId());
    statement.setString(2, row.key().sku());
    statement.setString(3, row.hold().orderId());
    statement.setInt(4, row.hold().quantity());
    statement.setObject(5, utc(row.hold().expiresAt()));
    statement.setString(6, row.hold().state().name());
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
    afterCommit(() -> keys.forEach(storedVersions::remove));
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
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
    Map<StockKey, List<Hold>> holds = new HashMap<>();
    database()
        .jdbc()
        .query(
            HOLDS_BY_KEYS,
            statement -> bindKeys(statement, keys),
            row -> {
              holds.computeIfAbsent(key(row), k -> new ArrayList<>()).add(hold(row));
            });
    Map<StockKey, Stock> loaded = new HashMap<>();
    database()
        .jdbc()
        .query(
            BY_KEYS,
            statement -> bindKeys(statement, keys),
            row -> {
              StockKey key = key(row);
              Stock stock =
                  new Stock(
                      row.getInt("on_hand"),
                      holds.getOrDefault(key, List.of()),
                      movements.getOrDefault(key, List.of()),
                      row.getLong("version"),
                      row.getLong("on_hand_version"));
              loaded.put(key, stock);
              storedVersions.put(key, stock.version());
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

  private static Hold hold(ResultSet row) throws SQLException {
    return new Hold(
        row.getString("holder_id"),
        row.getInt("quantity"),
        instant(row, "expires_at"),
        Hold.State.valueOf(row.getString("state")));
  }
}
