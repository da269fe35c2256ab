package dev.gridcommerce.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: JSON in, status, headers and JSON out. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  public ApiClient(int port) {
    this("http://localhost:" + port, null);
  }

  private ApiClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The bearer token this client sends (null when anonymous). */
  public String token() {
    return token;
  }

  /** The same client, sending the given bearer token. */
  public ApiClient as(String accessToken) {
    return new ApiClient(base, accessToken);
  }

  /**
   * An answer: its status, headers (names in lower case), body text, and the body as JSON when it
   * is JSON.
   */
  public record Response(
      int status, Map<String, List<String>> headers, String text, JsonNode body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  /** An HTTP/1.1 answer as it came over a socket. */
  public static Response parseRaw(String answer) {
    int endOfHead = answer.indexOf("\r\n\r\n");
    String[] head = answer.substring(0, endOfHead).split("\r\n");
    String text = answer.substring(endOfHead + 4);
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers
          .computeIfAbsent(
              head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              name -> new ArrayList<>())
          .add(head[i].substring(colon + 1).strip());
    }
    if ("chunked"
        .equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).getFirst())) {
      text = unchunked(text);
    }
    return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, text, json(text));
  }

  private static String unchunked(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int endOfSize = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, endOfSize).strip(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, endOfSize + 2, endOfSize + 2 + size);
      at = endOfSize + 2 + size + 2;
    }
  }

  private static JsonNode json(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** A JSON object as a map, to send back changed. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(JsonNode object) {
    return new HashMap<>(JSON.convertValue(object, Map.class));
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Response post(String path, Object body, Map<String, String> headers) {
    return send("POST", path, body, headers);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /**
   * The value of one series on the node's {@code /actuator/prometheus}, named as Prometheus' text
   * shows it ({@code name{label="value",...}}, labels in alphabetical order); empty when the node
   * serves no such series.
   */
  public OptionalDouble metric(String series) {
    String prefix = series + " ";
    return get("/actuator/prometheus")
        .text()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).strip()))
        .findFirst();
  }

  /** Registers a shopper and answers a client signed in as them. */
  public ApiClient newShopper(String email) {
    Response registered =
        post(
            "/api/v1/auth/register",
            Map.of("email", email, "password", "correct horse battery", "name", "Test Shopper"));
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered.text());
    }
    return login(email, "correct horse battery");
  }

  public ApiClient login(String email, String password) {
    Response login = post("/api/v1/auth/login", Map.of("email", email, "password", password));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login.text());
    }
    return as(login.body().get("accessToken").asString());
  }

  private Response send(String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                        body instanceof String raw ? raw : JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::setHeader);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, List<String>> answerHeaders = new HashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> answerHeaders.put(name.toLowerCase(Locale.ROOT), values));
      return new Response(
          response.statusCode(), answerHeaders, response.body(), json(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
