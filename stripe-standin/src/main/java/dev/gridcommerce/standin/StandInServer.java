package dev.gridcommerce.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of the stand-in: Stripe's routes under {@code /v1} (secret key as a bearer token or
 * Basic user; a publishable key may read and confirm an intent when it shows the intent's client
 * secret, as Stripe.js does), {@code Idempotency-Key} on every POST, the faults it was told to
 * make, and control routes under {@code /_standin}.
 */
final class StandInServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern INTENT =
      Pattern.compile("/v1/payment_intents/([A-Za-z0-9_]+)(/confirm|/cancel)?");
  private static final Pattern OBJECT =
      Pattern.compile("/v1/(refunds|charges|events)/([A-Za-z0-9_]+)");
  private static final Pattern DELIVER =
      Pattern.compile("/_standin/events/([A-Za-z0-9_]+)/deliver");
  private static final Pattern AUTHENTICATE =
      Pattern.compile("/_standin/payment_intents/([A-Za-z0-9_]+)/authenticate");

  /** A saved answer to an Idempotency-Key, with the request it answered. */
  private record Saved(String request, int status, Map<String, Object> body) {}

  private record Answer(int status, Map<String, Object> body) {}

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final Object lock = new Object();
  private final Map<String, Saved> idempotent = new HashMap<>();
  private final Ledger ledger;
  private final Webhooks webhooks;
  private final Faults faults;
  private final String secretKey;
  private final String publishableKey;
  private final String apiVersion;

  StandInServer(
      InetSocketAddress address,
      java.time.Clock clock,
      Webhooks webhooks,
      Faults faults,
      String secretKey,
      String publishableKey,
      String apiVersion)
      throws IOException {
    this.webhooks = webhooks;
    this.faults = faults;
    this.secretKey = secretKey;
    this.publishableKey = publishableKey;
    this.apiVersion = apiVersion;
    this.ledger = new Ledger(clock, (type, object) -> webhooks.emit(type, object, apiVersion));
    this.server = HttpServer.create(address, 64);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Runs {@code read} on the ledger under the lock every request takes. */
  <T> T read(java.util.function.Function<Ledger, T> read) {
    synchronized (lock) {
      return read.apply(ledger);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // as at Stripe, a browser on any origin may read and confirm an intent (Stripe.js does, with
      // a publishable key and the intent's client secret); nothing else, above all not the controls
      boolean browsersMayCall = INTENT.matcher(exchange.getRequestURI().getPath()).matches();
      if (browsersMayCall) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
      }
      if (browsersMayCall && "OPTIONS".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
        exchange
            .getResponseHeaders()
            .set("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      Answer answer;
      try {
        FormParams params =
            FormParams.parse(
                exchange.getRequestURI().getRawQuery(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        answer =
            path.startsWith("/_standin/")
                ? control(exchange.getRequestMethod(), path, params)
                : api(exchange, params);
      } catch (StripeError error) {
        answer = new Answer(error.status(), error.body());
      } catch (IllegalArgumentException bad) {
        answer =
            new Answer(
                400,
                StripeError.invalidParameter("parameter_invalid", null, bad.getMessage()).body());
      } catch (RuntimeException broken) {
        answer = new Answer(500, StripeError.apiError(500, broken.toString()).body());
      }
      byte[] body = JSON.writeValueAsBytes(answer.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", ledger.newId("req"));
      exchange.getResponseHeaders().set("Stripe-Version", apiVersion);
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Answer api(HttpExchange exchange, FormParams params) {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    authorize(exchange, path, params);
    Faults.Fault fault = faults.take(method, path);
    if (fault != null && fault.failsBeforeRunning()) {
      if (fault.status() >= 500) {
        exchange.getResponseHeaders().set("Stripe-Should-Retry", "true");
      }
      throw StripeError.apiError(
          fault.status(), "The stand-in was told to fail this request (" + fault.status() + ").");
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    Answer answer;
    synchronized (lock) {
      if ("POST".equals(method) && key != null) {
        Saved saved = idempotent.get(key);
        if (saved != null) {
          exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        answer = once(key, saved, method, path, params);
      } else {
        answer = run(method, path, params);
      }
    }
    if (key != null) {
      exchange.getResponseHeaders().set("Idempotency-Key", key);
    }
    if (fault != null) {
      sleep(fault.delay().toMillis());
    }
    return answer;
  }

  /**
   * An Idempotency-Key's first answer, saved once the request ran (errors too, as at Stripe: only a
   * request refused before it ran saves nothing), and replayed for the same request.
   */
  private Answer once(String key, Saved saved, String method, String path, FormParams params) {
    String request = method + " " + path + " " + params.canonical();
    if (saved != null) {
      if (!saved.request().equals(request)) {
        throw StripeError.idempotency(key);
      }
      return new Answer(saved.status(), saved.body());
    }
    Answer answer;
    try {
      answer = run(method, path, params);
    } catch (StripeError error) {
      if (!error.ran()) {
        throw error;
      }
      answer = new Answer(error.status(), error.body());
    }
    idempotent.put(key, new Saved(request, answer.status(), answer.body()));
    return answer;
  }

  private Answer run(String method, String path, FormParams params) {
    if ("POST".equals(method) && path.equals("/v1/payment_intents")) {
      return ok(ledger.createIntent(params));
    }
    if ("POST".equals(method) && path.equals("/v1/refunds")) {
      return ok(ledger.refund(params));
    }
    Matcher intent = INTENT.matcher(path);
    if (intent.matches()) {
      String id = intent.group(1);
      String action = intent.group(2);
      if ("GET".equals(method) && action == null) {
        return ok(ledger.intent(id));
      }
      if ("POST".equals(method) && "/confirm".equals(action)) {
        return ok(ledger.confirm(id, params));
      }
      if ("POST".equals(method) && "/cancel".equals(action)) {
        return ok(ledger.cancel(id, params));
      }
    }
    Matcher object = OBJECT.matcher(path);
    if (object.matches() && "GET".equals(method)) {
      String id = object.group(2);
      return switch (object.group(1)) {
        case "refunds" -> ok(ledger.refundById(id));
        case "charges" -> ok(ledger.charge(id));
        default -> ok(event(id));
      };
    }
    throw StripeError.invalidRequest(
        404, null, null, "Unrecognized request URL (" + method + ": " + path + ").");
  }

  private Map<String, Object> event(String id) {
    Webhooks.Event event = webhooks.event(id);
    if (event == null) {
      throw StripeError.missing("event", id);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = JSON.readValue(event.payload(), Map.class);
    return json;
  }

  private void authorize(HttpExchange exchange, String path, FormParams params) {
    String key = apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
    if (secretKey.equals(key)) {
      return;
    }
    if (key == null) {
      key = params.string("key"); // Stripe.js sends its publishable key as a parameter
    }
    Matcher intent = INTENT.matcher(path);
    boolean browserMayAsk =
        publishableKey.equals(key)
            && intent.matches()
            && (intent.group(2) == null || "/confirm".equals(intent.group(2)));
    if (browserMayAsk) {
      synchronized (lock) {
        if (ledger.secretMatches(intent.group(1), params.string("client_secret"))) {
          return;
        }
      }
    }
    throw StripeError.unauthorized();
  }

  /** The key of {@code Bearer sk_...} or of Basic {@code sk_...:}; null when neither. */
  private static String apiKey(String authorization) {
    if (authorization == null) {
      return null;
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String user =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
        return user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private Answer control(String method, String path, FormParams params) {
    if (path.equals("/_standin/health")) {
      return ok(Map.of("status", "ok"));
    }
    if (path.equals("/_standin/faults") && "DELETE".equals(method)) {
      faults.clear();
      return ok(Map.of("faults", "cleared"));
    }
    if (path.equals("/_standin/faults") && "POST".equals(method)) {
      String prefix = params.string("path") == null ? "/v1/" : params.string("path");
      int times = params.number("times") == null ? 1 : params.number("times").intValue();
      if ("timeout".equals(params.string("mode"))) {
        Long delay = params.number("delay_ms");
        faults.delayNext(
            prefix, times, java.time.Duration.ofMillis(delay == null ? 30_000 : delay));
      } else {
        Long status = params.number("status");
        faults.failNext(prefix, times, status == null ? 500 : status.intValue());
      }
      return ok(Map.of("path", prefix, "times", times));
    }
    if (path.equals("/_standin/webhooks") && "POST".equals(method)) {
      if (params.string("url") != null) {
        URI.create(params.string("url"));
        webhooks.deliverTo(params.string("url"));
      }
      if (params.string("drop") != null) {
        webhooks.drop(params.flag("drop"));
      }
      return ok(Map.of("delivered", webhooks.delivered()));
    }
    Matcher deliver = DELIVER.matcher(path);
    if (deliver.matches() && "POST".equals(method)) {
      int copies = params.number("copies") == null ? 1 : params.number("copies").intValue();
      webhooks.deliver(deliver.group(1), copies);
      return ok(Map.of("event", deliver.group(1), "copies", copies));
    }
    Matcher authenticate = AUTHENTICATE.matcher(path);
    if (authenticate.matches() && "POST".equals(method)) {
      synchronized (lock) {
        return ok(
            ledger.authenticate(authenticate.group(1), !"fail".equals(params.string("outcome"))));
      }
    }
    throw StripeError.invalidRequest(404, null, null, "No stand-in control at " + path + ".");
  }

  private static Answer ok(Map<String, Object> body) {
    return new Answer(200, body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
