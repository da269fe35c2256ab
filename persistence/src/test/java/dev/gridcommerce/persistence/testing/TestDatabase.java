package dev.gridcommerce.persistence.testing;

import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database of its own for one test class, on the PostgreSQL that {@code bin/postgres} runs, so
 * test runs never see each other's rows. Dropped on {@link #close}.
 */
public final class TestDatabase implements AutoCloseable {

  private final DatabaseSettings server;
  private final String name;
  private final DatabaseSettings settings;
  private Database database;

  private TestDatabase(DatabaseSettings server, String name) {
    this.server = server;
    this.name = name;
    this.settings = server.withDatabase(name);
  }

  public static TestDatabase create() {
    return create(DatabaseSettings.fromEnvironment());
  }

  /** A database of its own whose pool holds up to {@code poolSize} connections. */
  public static TestDatabase create(int poolSize) {
    DatabaseSettings server = DatabaseSettings.fromEnvironment();
    return create(new DatabaseSettings(server.url(), server.user(), server.password(), poolSize));
  }

  private static TestDatabase create(DatabaseSettings server) {
    TestDatabase test = empty(server);
    test.database = Database.open(test.settings);
    return test;
  }

  /**
   * A database whose schema is migrated only up to {@code version}, to put in rows as they were
   * then; {@link #migrate} brings it up to date, as a deployment of this code would.
   */
  public static TestDatabase createAt(String version) {
    TestDatabase test = empty(DatabaseSettings.fromEnvironment());
    Flyway.configure()
        .dataSource(test.settings.url(), test.settings.user(), test.settings.password())
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
    return test;
  }

  /** Brings the schema up to date (the pool opens with it). */
  public Database migrate() {
    database = Database.open(settings);
    return database;
  }

  /** Runs SQL on the database as it is, migrated or not. */
  public void execute(String sql) {
    try (Connection connection =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("'" + sql + "' failed: " + e.getMessage(), e);
    }
  }

  private static TestDatabase empty(DatabaseSettings server) {
    String name =
        "commerce_test_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    TestDatabase test = new TestDatabase(server, name);
    test.admin("CREATE DATABASE " + name);
    return test;
  }

  /** The open database (schema migrated). */
  public Database database() {
    return database;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** The same database reached through another host and port (a proxy), with its own pool. */
  public Database openVia(String host, int port) {
    String url = settings.url().replaceFirst("//[^/]+/", "//" + host + ":" + port + "/");
    return Database.open(
        new DatabaseSettings(url, settings.user(), settings.password(), settings.maxPoolSize()));
  }

  /** Closes the pool and opens a new one on the same data, as a restarted process would. */
  public Database reopen() {
    database.close();
    database = Database.open(settings);
    return database;
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
    // FORCE ends the other sessions on the database, but not an autovacuum worker's, which
    // belongs to no role we may signal (SQLState 42501): it ends by itself within moments, so
    // try again for a few seconds.
    for (int attempt = 1; ; attempt++) {
      try {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        return;
      } catch (IllegalStateException refused) {
        boolean busy =
            refused.getCause() instanceof SQLException e && "42501".equals(e.getSQLState());
        if (!busy || attempt == 40) {
          throw refused;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw refused;
        }
      }
    }
  }

  private void admin(String sql) {
    try (Connection connection =
            DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + server.url()
              + " refused '"
              + sql
              + "' (is it running? bin/postgres starts it): "
              + e.getMessage(),
          e);
    }
  }
}
