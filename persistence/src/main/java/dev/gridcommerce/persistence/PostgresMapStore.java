package dev.gridcommerce.persistence;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapLoaderLifecycleSupport;
import com.hazelcast.map.MapStore;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

/**
 * Base of the MapStores that keep a grid map in PostgreSQL. Hazelcast creates one per map and
 * member, by class name from {@code config/hazelcast-grid.yaml}.
 *
 * <p>Writes arrive from the member's write-behind thread in batches ({@link #storeAll}); each batch
 * is one transaction of JDBC-batched upserts, so a batch lands whole or not at all. Every upsert is
 * idempotent, because write-behind is at-least-once: after a member dies, a batch fails or the
 * cluster shuts down, the same entry may be stored again. A batch PostgreSQL refuses because of one
 * bad row is stored row by row, and the rows it refuses for good are parked in the {@code
 * dead_letters} table ({@link DeadLetters}); a batch that fails for any other reason (the database
 * is down) is thrown back to Hazelcast, which keeps it queued and tries again.
 *
 * <p>Loads come by key, in chunks of {@value #LOAD_CHUNK}, from partition threads (one key) or the
 * initial-load threads (many keys); a long initial load logs its progress.
 */
public abstract class PostgresMapStore<K, V> implements MapStore<K, V>, MapLoaderLifecycleSupport {

  protected static final int LOAD_CHUNK = 1_000;
  protected static final int BATCH_SIZE = 500;

  private static final Logger log = LoggerFactory.getLogger(PostgresMapStore.class);

  private Database database;
  private String mapName;
  private DeadLetters deadLetters;
  private LoadProgress progress;

  /**
   * A store of the named map over the given database; {@code null} when Hazelcast creates the store
   * by class name, in which case the member's database and the map's name arrive with {@link
   * #init}.
   */
  protected PostgresMapStore(Database database, String mapName) {
    if (database != null) {
      attach(database, mapName);
    }
  }

  @Override
  public void init(HazelcastInstance member, Properties properties, String mapName) {
    attach(Database.of(member), mapName);
  }

  private void attach(Database database, String mapName) {
    this.database = database;
    this.mapName = mapName;
    this.deadLetters = new DeadLetters(database, mapName);
    this.progress = new LoadProgress(mapName);
  }

  @Override
  public void destroy() {
    // the member closes its Database once, on shutdown
  }

  protected final Database database() {
    return database;
  }

  @Override
  public final void store(K key, V value) {
    storeAll(Map.of(key, value));
  }

  @Override
  public final void storeAll(Map<K, V> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      database.transactions().executeWithoutResult(status -> upsert(entries));
    } catch (RuntimeException e) {
      if (!DeadLetters.isPermanent(e)) {
        throw e; // the database is unreachable or busy: Hazelcast keeps the batch and retries
      }
      if (entries.size() == 1) {
        Map.Entry<K, V> poison = entries.entrySet().iterator().next();
        deadLetters.park(poison.getKey(), poison.getValue(), e);
        return;
      }
      entries.forEach((key, value) -> storeAll(Map.of(key, value)));
    }
  }

  @Override
  public final void delete(K key) {
    deleteAll(List.of(key));
  }

  @Override
  public final void deleteAll(Collection<K> keys) {
    if (!keys.isEmpty()) {
      database.transactions().executeWithoutResult(status -> remove(List.copyOf(keys)));
    }
  }

  /**
   * A load by key (a read that missed the grid): not counted as initial-load progress, and not made
   * at all for a key the grid would have if it were stored ({@link #mayBeStoredOnly}).
   */
  @Override
  public final V load(K key) {
    if (!mayBeStoredOnly(key)) {
      return null;
    }
    return loadChunk(List.of(key)).get(key);
  }

  @Override
  public final Map<K, V> loadAll(Collection<K> keys) {
    List<K> all = List.copyOf(keys);
    Map<K, V> loaded = new HashMap<>();
    for (int from = 0; from < all.size(); from += LOAD_CHUNK) {
      Map<K, V> chunk = loadChunk(all.subList(from, Math.min(all.size(), from + LOAD_CHUNK)));
      loaded.putAll(chunk);
      progress.loaded(chunk.size());
    }
    return loaded;
  }

  /**
   * Whether a key the grid misses may still be stored in PostgreSQL, and so is looked up there.
   * False where the grid is known to have every stored entry of such a key (it loads them when it
   * starts and evicts none of them): such a miss is a key never stored, answered without a query.
   * True unless a store says otherwise.
   */
  protected boolean mayBeStoredOnly(K key) {
    return true;
  }

  /**
   * The keys a member loads when the map is first used: all of them for the maps that load eagerly,
   * none (null) for those that load entry by entry.
   */
  @Override
  public final Iterable<K> loadAllKeys() {
    List<K> keys = keysToLoad();
    if (keys != null) {
      progress.expect(keys.size());
    }
    return keys;
  }

  /** The keys to load at start, or null to load none. */
  protected abstract List<K> keysToLoad();

  /** Inserts or replaces every entry, inside the transaction of {@link #storeAll}. */
  protected abstract void upsert(Map<K, V> entries);

  /** Deletes the rows of every key, inside the transaction of {@link #deleteAll}. */
  protected abstract void remove(List<K> keys);

  /** Loads the entries of at most {@value #LOAD_CHUNK} keys; absent keys are left out. */
  protected abstract Map<K, V> loadChunk(List<K> keys);

  private static <E> List<E> list(Collection<E> entries) {
    return entries instanceof List<E> list ? list : new ArrayList<>(entries);
  }

  /** Runs one statement per row as JDBC batches of {@value #BATCH_SIZE}. */
  protected final <T> void batch(
      String sql, Collection<T> rows, ParameterizedPreparedStatementSetter<T> parameters) {
    database.jdbc().batchUpdate(sql, list(rows), BATCH_SIZE, parameters);
  }

  /** Runs a query whose single parameter is a text array of keys ({@code = ANY(?)}). */
  protected final <T> List<T> queryByKeys(String sql, List<String> keys, RowMapper<T> rows) {
    return database
        .jdbc()
        .query(sql, statement -> statement.setArray(1, textArray(statement, keys)), rows);
  }

  /** Runs an update whose single parameter is a text array of keys ({@code = ANY(?)}). */
  protected final void updateByKeys(String sql, List<String> keys) {
    database.jdbc().update(sql, statement -> statement.setArray(1, textArray(statement, keys)));
  }

  protected static Array textArray(PreparedStatement statement, Collection<String> values)
      throws SQLException {
    return statement.getConnection().createArrayOf("text", values.toArray());
  }

  protected static Array intArray(PreparedStatement statement, Collection<Integer> values)
      throws SQLException {
    return statement.getConnection().createArrayOf("integer", values.toArray());
  }

  protected static Array longArray(PreparedStatement statement, Collection<Long> values)
      throws SQLException {
    return statement.getConnection().createArrayOf("bigint", values.toArray());
  }

  protected static Array timestampArray(PreparedStatement statement, Collection<Instant> values)
      throws SQLException {
    return statement
        .getConnection()
        .createArrayOf("timestamptz", values.stream().map(Timestamp::from).toArray());
  }

  protected static Array booleanArray(PreparedStatement statement, Collection<Boolean> values)
      throws SQLException {
    return statement.getConnection().createArrayOf("boolean", values.toArray());
  }

  protected static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  protected static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  protected static List<String> strings(ResultSet row, String column) throws SQLException {
    return List.of((String[]) row.getArray(column).getArray());
  }

  protected static List<Integer> integers(ResultSet row, String column) throws SQLException {
    return List.of((Integer[]) row.getArray(column).getArray());
  }

  protected static List<Boolean> booleans(ResultSet row, String column) throws SQLException {
    return List.of((Boolean[]) row.getArray(column).getArray());
  }

  protected static List<Instant> instants(ResultSet row, String column) throws SQLException {
    Timestamp[] values = (Timestamp[]) row.getArray(column).getArray();
    return java.util.Arrays.stream(values).map(Timestamp::toInstant).toList();
  }
}
