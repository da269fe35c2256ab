package dev.gridcommerce.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in's events and their delivery: every event is kept (by id) and, unless deliveries are
 * being dropped, POSTed as JSON to the webhook URL with Stripe's signature header ({@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the secret>}). A
 * delivery that is not answered 2xx is tried again after 0.5 s, 1 s, 2 s ... (at most 30 s apart)
 * up to {@code attempts} times, as Stripe retries for days.
 */
public final class Webhooks implements AutoCloseable {

  private static final System.Logger log = System.getLogger(Webhooks.class.getName());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An event as it was sent (or would have been). */
  public record Event(String id, String type, String payload) {}

  private final Map<String, Event> events = new ConcurrentHashMap<>();
  private final List<Event> inOrder = new ArrayList<>();
  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final ScheduledExecutorService sender = Executors.newScheduledThreadPool(4);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Clock clock;
  private final String secret;
  private final int attempts;
  private final Duration firstRetry;
  private volatile String url;
  private volatile boolean dropping;

  Webhooks(Clock clock, String url, String secret, int attempts, Duration firstRetry) {
    this.clock = clock;
    this.url = url;
    this.secret = secret;
    this.attempts = attempts;
    this.firstRetry = firstRetry;
  }

  /** Where events go from now on; null: nowhere (they are still kept). */
  public void deliverTo(String url) {
    this.url = url;
  }

  /**
   * While true, new events are kept but never sent: a webhook lost on the way, for reconciliation
   * to find.
   */
  public void drop(boolean dropping) {
    this.dropping = dropping;
  }

  public List<Event> events() {
    synchronized (inOrder) {
      return List.copyOf(inOrder);
    }
  }

  /** How many deliveries the receiver answered 2xx. */
  public int delivered() {
    return deliveries.get();
  }

  /** How many deliveries are being sent or wait for a retry (dropped events are none). */
  public int pending() {
    return pending.get();
  }

  /** Sends an event that was kept, {@code copies} times at once (each with its own retries). */
  public void deliver(String eventId, int copies) {
    Event event = events.get(eventId);
    if (event == null) {
      throw new IllegalArgumentException("No such event: '" + eventId + "'");
    }
    for (int i = 0; i < copies; i++) {
      pending.incrementAndGet();
      Thread.ofVirtual()
          .start(() -> send(event, 1)); // all at once, not as the sender's pool allows
    }
  }

  /** The event as it was sent, or null. */
  Event event(String id) {
    return events.get(id);
  }

  /** Records the event about {@code object} and sends it; answers its id. */
  String emit(String type, Map<String, Object> object, String apiVersion) {
    String id = "evt_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id);
    event.put("object", "event");
    event.put("api_version", apiVersion);
    event.put("created", clock.instant().getEpochSecond());
    event.put("data", Map.of("object", object));
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", null);
    request.put("idempotency_key", null);
    event.put("request", request);
    event.put("type", type);
    Event kept = new Event(id, type, JSON.writeValueAsString(event));
    events.put(id, kept);
    synchronized (inOrder) {
      inOrder.add(kept);
    }
    if (!dropping) {
      pending.incrementAndGet();
      sender.execute(() -> send(kept, 1));
    }
    return id;
  }

  private void send(Event event, int attempt) {
    String target = url;
    if (target == null) {
      pending.decrementAndGet();
      return;
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(target))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json; charset=utf-8")
                  .header("Stripe-Signature", signature(event.payload()))
                  .POST(HttpRequest.BodyPublishers.ofString(event.payload()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        deliveries.incrementAndGet();
        pending.decrementAndGet();
        return;
      }
      retry(event, attempt, "answered " + response.statusCode());
    } catch (IOException e) {
      retry(event, attempt, e.toString());
    } catch (InterruptedException e) {
      pending.decrementAndGet();
      Thread.currentThread().interrupt();
    }
  }

  private void retry(Event event, int attempt, String why) {
    if (attempt >= attempts) {
      log.log(
          System.Logger.Level.WARNING,
          "webhook {0} ({1}) given up after {2} attempts: {3}",
          event.id(),
          event.type(),
          attempt,
          why);
      pending.decrementAndGet();
      return;
    }
    long delay = Math.min(firstRetry.toMillis() << Math.min(attempt - 1, 16), 30_000);
    log.log(
        System.Logger.Level.INFO,
        "webhook {0} ({1}) {2}; again in {3} ms",
        event.id(),
        event.type(),
        why,
        delay);
    sender.schedule(() -> send(event, attempt + 1), delay, TimeUnit.MILLISECONDS);
  }

  /**
   * Stripe's scheme: {@code t=<seconds>,v1=<hex HMAC-SHA256(secret, "<seconds>.<payload>")>}, at
   * the real time of sending (a receiver checks it against its own clock). Public for tests that
   * deliver an event by hand.
   */
  public String signature(String payload) {
    long timestamp = System.currentTimeMillis() / 1000;
    return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload);
  }

  private String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    http.close();
  }
}
