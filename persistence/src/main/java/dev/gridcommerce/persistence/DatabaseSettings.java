package dev.gridcommerce.persistence;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where PostgreSQL is and how to sign in: the settings {@code commerce.db.url}, {@code
 * commerce.db.user}, {@code commerce.db.password} and {@code commerce.db.pool-size}, with the local
 * defaults that {@code bin/postgres} sets up. A grid member reads them from its configuration,
 * where the member's settings put them with the environment's overrides ({@code COMMERCE_DB_URL}
 * ...); tools and tests outside a member read the same environment variables.
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

  public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/commerce";
  public static final String DEFAULT_USER = "commerce";
  public static final String DEFAULT_PASSWORD = "commerce";

  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("the pool needs at least one connection");
    }
  }

  /** The settings of a grid member, from its configuration's resolved properties. */
  public static DatabaseSettings of(Properties member) {
    return from(member::getProperty);
  }

  /** The settings as the environment gives them, for tools and tests outside a member. */
  public static DatabaseSettings fromEnvironment() {
    Map<String, String> env = System.getenv();
    return from(name -> env.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
  }

  private static DatabaseSettings from(Function<String, String> setting) {
    return new DatabaseSettings(
        valueOr(setting.apply("commerce.db.url"), DEFAULT_URL),
        valueOr(setting.apply("commerce.db.user"), DEFAULT_USER),
        valueOr(setting.apply("commerce.db.password"), DEFAULT_PASSWORD),
        Integer.parseInt(valueOr(setting.apply("commerce.db.pool-size"), "8")));
  }

  private static String valueOr(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip();
  }

  /** The same server and credentials, another database on it. */
  public DatabaseSettings withDatabase(String database) {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String rest = query < 0 ? "" : url.substring(query);
    return new DatabaseSettings(
        url.substring(0, slash + 1) + database + rest, user, password, maxPoolSize);
  }
}
