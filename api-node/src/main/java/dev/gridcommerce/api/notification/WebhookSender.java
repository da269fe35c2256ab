package dev.gridcommerce.api.notification;

import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.notification.OutboundUrls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One POST of an event to a subscription's URL: the event as JSON, {@code Commerce-Event-Id},
 * {@code Commerce-Event-Type} and {@code Commerce-Signature}; a connect and a read timeout,
 * redirects not followed, and the URL checked again first (a name may resolve elsewhere now).
 */
final class WebhookSender implements AutoCloseable {

  /** An attempt, and the receiver's {@code Retry-After} when it gave one. */
  record Sent(WebhookDelivery.Attempt attempt, Optional<Duration> retryAfter) {}

  private final HttpClient http;
  private final Duration readTimeout;
  private final OutboundUrls urls;
  private final Clock clock;

  WebhookSender(NotificationSettings.Webhooks settings, OutboundUrls urls, Clock clock) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = settings.readTimeout();
    this.urls = urls;
    this.clock = clock;
  }

  Sent send(WebhookSubscription subscription, OrderEvent event, String body) {
    Instant at = clock.instant();
    long started = System.nanoTime();
    try {
      urls.check(subscription.url().toString());
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(subscription.url())
                  .timeout(readTimeout)
                  .header("Content-Type", "application/json")
                  .header("Commerce-Event-Id", event.id())
                  .header("Commerce-Event-Type", event.type().name())
                  .header(
                      "Commerce-Signature",
                      WebhookSignature.header(subscription.secret(), at.getEpochSecond(), body))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return new Sent(
          new WebhookDelivery.Attempt(at, answer.statusCode(), "", elapsed(started)),
          answer.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds));
    } catch (OutboundUrls.Refused refused) {
      return failed(at, started, "URL refused: " + refused.getMessage());
    } catch (IOException e) {
      return failed(at, started, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(at, started, "interrupted");
    }
  }

  @Override
  public void close() {
    http.close();
  }

  private static Sent failed(Instant at, long started, String why) {
    return new Sent(new WebhookDelivery.Attempt(at, 0, why, elapsed(started)), Optional.empty());
  }

  private static long elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  /** {@code Retry-After} in seconds (the HTTP-date form is taken as no advice). */
  private static Optional<Duration> seconds(String value) {
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }
}
