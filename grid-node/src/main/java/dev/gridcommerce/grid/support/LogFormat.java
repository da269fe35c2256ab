package dev.gridcommerce.grid.support;

import java.util.Locale;
import java.util.Map;

/**
 * How a grid or API node writes its log, chosen by {@value #VARIABLE}: {@code text} (the default)
 * or {@code json}, one JSON object per line with logstash's field names on both kinds of node.
 * Exactly one of those or unset: the grid's log configuration names its appender by the value, so
 * any other (an empty one too) would leave it without one.
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
    String value = environment.get(VARIABLE);
    if (value == null) {
      return TEXT;
    }
    return switch (value) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              VARIABLE + " is '" + value + "': it is text or json (lower case), or unset");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
