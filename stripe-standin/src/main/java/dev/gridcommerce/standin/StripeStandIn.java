package dev.gridcommerce.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in for Stripe's API, for the tests and the demo (no network reaches Stripe here, and
 * stripe-mock keeps no state and sends no webhooks). It keeps PaymentIntents, charges, refunds and
 * events in memory and answers, in Stripe's JSON shapes and status codes:
 *
 * <ul>
 *   <li>{@code POST /v1/payment_intents}, {@code GET /v1/payment_intents/{id}}, {@code POST
 *       /v1/payment_intents/{id}/confirm} ({@code pm_card_visa} succeeds, {@code
 *       pm_card_chargeDeclined} is declined, {@code pm_card_authenticationRequired} waits for
 *       {@code POST /_standin/payment_intents/{id}/authenticate}), {@code POST
 *       /v1/payment_intents/{id}/cancel};
 *   <li>{@code POST /v1/refunds}, {@code GET /v1/refunds/{id}}, {@code GET /v1/charges/{id}},
 *       {@code GET /v1/events/{id}};
 *   <li>{@code Idempotency-Key} as Stripe has it: the same key and parameters answer the first
 *       answer again, other parameters are {@code 400 idempotency_error};
 *   <li>signed webhooks ({@code Stripe-Signature: t=…,v1=…}) to {@code webhookUrl}, retried until
 *       answered 2xx;
 *   <li>failures on demand ({@link #faults()}; over HTTP {@code POST /_standin/faults}).
 * </ul>
 *
 * <p>Run alone: {@code java -cp … dev.gridcommerce.standin.StripeStandIn}, configured by {@code
 * STANDIN_HOST} (127.0.0.1), {@code STANDIN_PORT} (12111), {@code STANDIN_SECRET_KEY} ({@code
 * sk_test_standin}), {@code STANDIN_PUBLISHABLE_KEY} ({@code pk_test_standin}), {@code
 * STRIPE_WEBHOOK_SECRET} ({@code whsec_standin}), {@code STANDIN_WEBHOOK_URL} (none), {@code
 * STANDIN_API_VERSION} (the one stripe-java 33.3.0 speaks, in which events are rendered) and {@code
 * STANDIN_EXIT_WITH} (a process id: the stand-in exits when that process does).
 */
public final class StripeStandIn implements AutoCloseable {

  /** How a stand-in runs. {@code port} 0 picks a free port. */
  public record Settings(
      String host,
      int port,
      String secretKey,
      String publishableKey,
      String webhookSecret,
      String webhookUrl,
      int webhookAttempts,
      Duration firstWebhookRetry,
      String apiVersion) {

    /** The API version of stripe-java 33.3.0, in which events are rendered (a test checks it). */
    public static final String API_VERSION = "2026-07-29.dahlia";

    public static Settings defaults() {
      return new Settings(
          "127.0.0.1",
          0,
          "sk_test_standin",
          "pk_test_standin",
          "whsec_standin",
          null,
          12,
          Duration.ofMillis(500),
          API_VERSION);
    }

    public Settings withPort(int port) {
      return new Settings(
          host,
          port,
          secretKey,
          publishableKey,
          webhookSecret,
          webhookUrl,
          webhookAttempts,
          firstWebhookRetry,
          apiVersion);
    }

    public Settings withWebhooks(String url, String secret) {
      return new Settings(
          host,
          port,
          secretKey,
          publishableKey,
          secret,
          url,
          webhookAttempts,
          firstWebhookRetry,
          apiVersion);
    }

    static Settings fromEnvironment(Map<String, String> env) {
      Settings defaults = defaults();
      return new Settings(
          env.getOrDefault("STANDIN_HOST", defaults.host()),
          Integer.parseInt(env.getOrDefault("STANDIN_PORT", "12111")),
          env.getOrDefault("STANDIN_SECRET_KEY", defaults.secretKey()),
          env.getOrDefault("STANDIN_PUBLISHABLE_KEY", defaults.publishableKey()),
          env.getOrDefault("STRIPE_WEBHOOK_SECRET", defaults.webhookSecret()),
          env.get("STANDIN_WEBHOOK_URL"),
          defaults.webhookAttempts(),
          defaults.firstWebhookRetry(),
          env.getOrDefault("STANDIN_API_VERSION", API_VERSION));
    }
  }

  private final Settings settings;
  private final Webhooks webhooks;
  private final Faults faults = new Faults();
  private final StandInServer server;

  private StripeStandIn(Settings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.webhooks =
        new Webhooks(
            clock,
            settings.webhookUrl(),
            settings.webhookSecret(),
            settings.webhookAttempts(),
            settings.firstWebhookRetry());
    this.server =
        new StandInServer(
            new InetSocketAddress(settings.host(), settings.port()),
            clock,
            webhooks,
            faults,
            settings.secretKey(),
            settings.publishableKey(),
            settings.apiVersion());
  }

  public static StripeStandIn start(Settings settings) {
    return start(settings, Clock.systemUTC());
  }

  public static StripeStandIn start(Settings settings, Clock clock) {
    try {
      return new StripeStandIn(settings, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the Stripe stand-in could not listen on " + settings.port(), e);
    }
  }

  /** Where stripe-java's {@code setApiBase} points: {@code http://<host>:<port>}. */
  public String apiBase() {
    return "http://" + settings.host() + ":" + server.port();
  }

  public Settings settings() {
    return settings;
  }

  public Faults faults() {
    return faults;
  }

  public Webhooks webhooks() {
    return webhooks;
  }

  /**
   * Confirms an intent with a test payment method ({@code pm_card_visa} ...) as a shopper's browser
   * would, over HTTP; answers the HTTP status (200, or 402 for a declined card).
   */
  public int confirm(String intentId, String paymentMethod) {
    return post("/v1/payment_intents/" + intentId + "/confirm", "payment_method=" + paymentMethod);
  }

  /** Refunds {@code amountMinor} of an intent as the Stripe dashboard would; the HTTP status. */
  public int refundByHand(String intentId, long amountMinor) {
    return post("/v1/refunds", "payment_intent=" + intentId + "&amount=" + amountMinor);
  }

  /** Cancels an intent as the Stripe dashboard would; the HTTP status. */
  public int cancelByHand(String intentId) {
    return post("/v1/payment_intents/" + intentId + "/cancel", "");
  }

  private int post(String path, String form) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create(apiBase() + path))
                  .header("Authorization", "Bearer " + settings.secretKey())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** How many PaymentIntents were ever created. */
  public int intentsCreated() {
    return server.read(Ledger::intentCount);
  }

  /** The amounts refunded of a PaymentIntent, one per refund, in minor units. */
  public java.util.List<Long> refundsOf(String intentId) {
    return server.read(ledger -> ledger.refundsOf(intentId));
  }

  /** How many refunds were ever made. */
  public int refundsMade() {
    return server.read(Ledger::refundCount);
  }

  @Override
  public void close() {
    server.close();
    webhooks.close();
  }

  public static void main(String[] args) throws InterruptedException {
    Settings settings = Settings.fromEnvironment(System.getenv());
    StripeStandIn standIn = start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "stand-in-stop"));
    String exitWith = System.getenv().getOrDefault("STANDIN_EXIT_WITH", "");
    if (!exitWith.isBlank()) { // the process that started it (bin/demo): it goes, this goes
      ProcessHandle.of(Long.parseLong(exitWith.strip()))
          .ifPresentOrElse(
              parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }
    System.out.printf(
        "Stripe stand-in at %s (secret key %s, publishable key %s); webhooks to %s%n",
        standIn.apiBase(),
        settings.secretKey(),
        settings.publishableKey(),
        settings.webhookUrl() == null
            ? "nowhere (POST /_standin/webhooks url=...)"
            : settings.webhookUrl());
    Thread.currentThread().join();
  }
}
