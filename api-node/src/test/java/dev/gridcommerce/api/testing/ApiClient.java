package dev.gridcommerce.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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

  /** The same client, sending the given bearer token. */
  public ApiClient as(String accessToken) {
    return new ApiClient(base, accessToken);
  }

  public record Response(int status, HttpResponse<String> raw, JsonNode body) {

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
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

  /** Registers a shopper and answers a client signed in as them. */
  public ApiClient newShopper(String email) {
    Response registered =
        post(
            "/api/v1/auth/register",
            Map.of("email", email, "password", "correct horse battery", "name", "Test Shopper"));
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered.raw().body());
    }
    return login(email, "correct horse battery");
  }

  public ApiClient login(String email, String password) {
    Response login = post("/api/v1/auth/login", Map.of("email", email, "password", password));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login.raw().body());
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
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      return new Response(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
