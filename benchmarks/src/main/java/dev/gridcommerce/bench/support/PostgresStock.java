package dev.gridcommerce.bench.support;

import dev.gridcommerce.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The PostgreSQL peer of the grid's stock holds: one row per (store, sku) and a check-and-change in
 * one statement under the row lock, as a well-built SQL shop would do it:
 *
 * <pre>UPDATE bench_stock SET reserved = reserved + ? WHERE store_id = ? AND sku = ?
 *     AND on_hand - reserved >= ?</pre>
 *
 * Runs in a database of its own on the server that bin/postgres starts.
 */
public final class PostgresStock implements AutoCloseable {

  private static final String HOLD =
      "UPDATE bench_stock SET reserved = reserved + ? WHERE store_id = ? AND sku = ? AND on_hand - reserved >= ?";
  private static final String RELEASE =
      "UPDATE bench_stock SET reserved = reserved - ? WHERE store_id = ? AND sku = ? AND reserved >= ?";

  /** A connection for each of up to 32 benchmark threads; two such pools fit PostgreSQL's 100. */
  private static final int POOL_SIZE = 34;

  private final TestDatabase database = TestDatabase.create(POOL_SIZE);
  private final boolean synchronousCommit;

  /**
   * @param synchronousCommit PostgreSQL's default (each commit waits for the WAL flush); off trades
   *     that durability for speed, the closest SQL gets to an in-memory grid
   */
  public PostgresStock(String storeId, int skus, int unitsEach, boolean synchronousCommit) {
    this.synchronousCommit = synchronousCommit;
    var jdbc = database.database().jdbc();
    jdbc.execute(
        "CREATE TABLE bench_stock (store_id text, sku text, on_hand int NOT NULL, reserved int NOT NULL"
            + " CHECK (reserved >= 0 AND reserved <= on_hand), PRIMARY KEY (store_id, sku))");
    jdbc.update(
        "INSERT INTO bench_stock SELECT ?, 'SKU-' || lpad(i::text, 5, '0'), ?, 0 FROM generate_series(0, ? - 1) i",
        storeId,
        unitsEach,
        skus);
  }

  public DataSource dataSource() {
    return database.database().dataSource();
  }

  /** A connection for one benchmark thread, with the commit mode of this peer. */
  public Connection connect() throws SQLException {
    Connection connection = dataSource().getConnection();
    try (var statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = " + (synchronousCommit ? "on" : "off"));
    }
    return connection;
  }

  /** Holds {@code units} if that many are available; true when it did. One autocommit statement. */
  public static boolean hold(Connection connection, String storeId, String sku, int units)
      throws SQLException {
    return update(connection, HOLD, storeId, sku, units) == 1;
  }

  public static boolean release(Connection connection, String storeId, String sku, int units)
      throws SQLException {
    return update(connection, RELEASE, storeId, sku, units) == 1;
  }

  private static int update(
      Connection connection, String sql, String storeId, String sku, int units)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, units);
      statement.setString(2, storeId);
      statement.setString(3, sku);
      statement.setInt(4, units);
      return statement.executeUpdate();
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
