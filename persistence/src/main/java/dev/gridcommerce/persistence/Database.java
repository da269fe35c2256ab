package dev.gridcommerce.persistence;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL database behind the grid: a connection pool whose schema Flyway has brought up to
 * date. One per member, shared by all of that member's MapStores.
 */
public final class Database implements AutoCloseable {

  /** Key of a member's user context under which a test or an embedding app can hand one in. */
  public static final String USER_CONTEXT_KEY = "commerce.database";

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Opens a pool and migrates the schema; fails fast when the database can't be reached. */
  public static Database open(DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setPoolName("commerce-db");
    // while the database is down, a write-behind attempt fails after this, and is retried later
    config.setConnectionTimeout(3_000);
    // Lets the driver turn a batch of upserts into multi-row statements.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    log.info("Connected to {} as {}; schema is up to date", settings.url(), settings.user());
    return new Database(dataSource);
  }

  /**
   * The database of a grid member: the one handed in through the member's user context, or else one
   * opened from the member's settings ({@link DatabaseSettings#of}) and closed when the member
   * shuts down.
   */
  public static Database of(HazelcastInstance member) {
    return (Database)
        member
            .getUserContext()
            .computeIfAbsent(
                USER_CONTEXT_KEY,
                key -> {
                  Database opened = open(DatabaseSettings.of(member.getConfig().getProperties()));
                  member
                      .getLifecycleService()
                      .addLifecycleListener(event -> {
                        if (event.getState() == LifecycleState.SHUTDOWN) {
                          opened.close();
                        }
                      });
                  return opened;
                });
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public TransactionTemplate transactions() {
    return transactions;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
