package dev.gridcommerce.grid.support;

import java.util.Locale;
import java.util.Map;

/**
 * How a grid or API node writes its log, chosen by {@value #VARIABLE}: {@code text} (the default)
 * or {@code json}, one JSON object per line with logstash's field names on both kinds of node.
 */
public enum LogFormat {
  TEXT,
  JSON;

  public static final String VARIABLE = "COMMERCE_LOG_FORMAT";

  /**
   * The format the environment asks for.
   *
   * @throws IllegalArgumentException for a value that names no format (the log would be lost)
   */
  public static LogFormat of(Map<String, String> environment) {
    String value = environment.getOrDefault(VARIABLE, "").strip();
    return switch (value) {
      case "", "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              VARIABLE + " is '" + value + "': it is text or json (lower case)");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
