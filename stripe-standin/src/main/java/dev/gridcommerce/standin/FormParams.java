package dev.gridcommerce.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters as Stripe's form encoding sends them ({@code amount=1000}, {@code
 * metadata[order_id]=o-1}, {@code expand[0]=latest_charge}): top-level values are strings,
 * bracketed ones nested maps. Query string and body are read alike.
 */
final class FormParams {

  private final Map<String, Object> values;
  private final String canonical;

  private FormParams(Map<String, Object> values, String canonical) {
    this.values = values;
    this.canonical = canonical;
  }

  static FormParams parse(String... encodedParts) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> pairs = new ArrayList<>();
    for (String encoded : encodedParts) {
      if (encoded == null || encoded.isEmpty()) {
        continue;
      }
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        pairs.add(pair);
        put(values, name, value);
      }
    }
    Collections.sort(pairs);
    return new FormParams(values, String.join("&", pairs));
  }

  /** {@code a[b]=c} goes into the map {@code a}; deeper nesting is kept under its full name. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> into, String name, String value) {
    int open = name.indexOf('[');
    int close = name.indexOf(']');
    if (open <= 0 || close != name.length() - 1 || name.indexOf('[', open + 1) >= 0) {
      into.put(name, value);
      return;
    }
    Object child =
        into.computeIfAbsent(name.substring(0, open), k -> new LinkedHashMap<String, Object>());
    if (child instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(name.substring(open + 1, close), value);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * Every parameter as it was encoded, sorted: two requests with the same parameters have the same
   * canonical form, and no value can pass for another's.
   */
  String canonical() {
    return canonical;
  }

  String string(String name) {
    return values.get(name) instanceof String text && !text.isEmpty() ? text : null;
  }

  String required(String name) {
    String value = string(name);
    if (value == null) {
      throw StripeError.invalidParameter(
          "parameter_missing", name, "Missing required param: " + name + ".");
    }
    return value;
  }

  Long number(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw StripeError.invalidParameter(
          "parameter_invalid_integer", name, "Invalid integer: " + value);
    }
  }

  boolean flag(String name) {
    return "true".equals(string(name));
  }

  /** The nested map {@code name[...]}, with string values only; empty when absent. */
  Map<String, String> map(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values.get(name) instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if (value instanceof String text) {
          out.put(String.valueOf(key), text);
        }
      });
    }
    return out;
  }
}
