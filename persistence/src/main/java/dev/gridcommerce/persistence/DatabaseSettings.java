package dev.gridcommerce.persistence;

import java.util.Map;
import java.util.Objects;

/**
 * Where PostgreSQL is and how to sign in: {@code COMMERCE_DB_URL}, {@code COMMERCE_DB_USER} and
 * {@code COMMERCE_DB_PASSWORD}, with the local defaults that {@code bin/postgres} sets up.
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

  public static DatabaseSettings fromEnvironment() {
    return from(System.getenv());
  }

  static DatabaseSettings from(Map<String, String> env) {
    return new DatabaseSettings(
        env.getOrDefault("COMMERCE_DB_URL", DEFAULT_URL),
        env.getOrDefault("COMMERCE_DB_USER", DEFAULT_USER),
        env.getOrDefault("COMMERCE_DB_PASSWORD", DEFAULT_PASSWORD),
        Integer.parseInt(env.getOrDefault("COMMERCE_DB_POOL_SIZE", "8")));
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
