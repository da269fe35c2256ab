package dev.gridcommerce.bench.support;

import dev.gridcommerce.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Per benchmark thread: its own connection for a SQL peer, opened on first use. */
@State(Scope.Thread)
public class PostgresReader {

  private Connection connection;

  public Connection connection(TestDatabase db) throws SQLException {
    if (connection == null) {
      connection = db.database().dataSource().getConnection();
    }
    return connection;
  }

  @TearDown(Level.Trial)
  public void disconnect() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}
