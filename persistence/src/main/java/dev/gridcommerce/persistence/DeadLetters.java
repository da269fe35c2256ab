package dev.gridcommerce.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where entries go that PostgreSQL refuses for good: the {@code dead_letters} table (map, key,
 * value, error), a log line, and the counter {@code commerce.persistence.dead.letters} (tagged with
 * the map) in Micrometer's global registry. A refusal is for good when its SQLState says the data
 * itself is wrong (class 22, data exception; class 23, integrity constraint violation); anything
 * else (the server is down, a connection broke) is worth retrying.
 */
final class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final Database database;
  private final String mapName;
  private final Counter parked;

  DeadLetters(Database database, String mapName) {
    this.database = database;
    this.mapName = mapName;
    this.parked = Metrics.counter("commerce.persistence.dead.letters", "map", mapName);
  }

  static boolean isPermanent(Throwable failure) {
    String state = sqlState(failure);
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  private static String sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  void park(Object key, Object value, Throwable failure) {
    String error = String.valueOf(rootMessage(failure));
    log.error(
        "PostgreSQL refused {} entry {} for good; parked in dead_letters: {}", mapName, key, error);
    database
        .jdbc()
        .update(
            "INSERT INTO dead_letters (map_name, entry_key, entry_value, sql_state, error) VALUES (?, ?, ?, ?, ?)",
            mapName,
            printable(key),
            printable(value),
            sqlState(failure),
            printable(error));
    parked.increment();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** The text of a value, with what PostgreSQL can't store in text (NUL) made visible. */
  private static String printable(Object value) {
    return String.valueOf(value).replace("\u0000", "\\u0000");
  }
}
