package dev.gridcommerce.api.notification;

import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookDelivery.Status;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.order.OrderEventHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliveries of one subscription: the handler of its own durable subscriber of the order
 * events, so it goes at its own pace and a slow or dead endpoint never delays another subscription.
 * Events go one at a time, in the order they happened, so an order's next event waits until the
 * previous one was delivered or given up. Each attempt is logged. Timeouts, connection errors, 5xx,
 * 408 and 429 are tried again, after the receiver's {@code Retry-After} or a pause doubling from
 * {@code firstRetry} up to {@code maxRetryDelay}, until {@code giveUpAfter} has passed since the
 * first attempt; any other answer below 200 or from 300 up is final.
 */
final class WebhookDeliveries implements OrderEventHandler {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

  private final WebhookSubscription subscription;
  private final Notifications notifications;
  private final WebhookSender sender;
  private final JsonMapper json;
  private final NotificationSettings.Webhooks settings;
  private final Clock clock;

  WebhookDeliveries(
      WebhookSubscription subscription,
      Notifications notifications,
      WebhookSender sender,
      JsonMapper json,
      NotificationSettings.Webhooks settings,
      Clock clock) {
    this.subscription = subscription;
    this.notifications = notifications;
    this.sender = sender;
    this.json = json;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void handle(OrderEvent event) throws RetryAfter {
    if (!subscription.wants(event.type())) {
      return;
    }
    WebhookDelivery delivery =
        notifications
            .delivery(subscription.id(), event.id())
            .orElseGet(() ->
                new WebhookDelivery(
                    subscription.id(),
                    event.id(),
                    event.orderId(),
                    event.seq(),
                    event.type(),
                    Status.RETRYING,
                    List.of()));
    if (delivery.isDone()) {
      return; // delivered (or settled) before this event came again
    }
    WebhookSender.Sent sent = sender.send(subscription, event, body(event));
    Status next = statusAfter(sent.attempt(), delivery);
    WebhookDelivery recorded = notifications.recordAttempt(delivery, sent.attempt(), next);
    if (recorded.status() == Status.RETRYING) {
      throw new RetryAfter(pauseAfter(sent, recorded.attempts().size()), describe(sent.attempt()));
    }
    if (next != Status.DELIVERED) {
      log.warn(
          "webhook {} event {} {}: {}",
          subscription.id(),
          event.id(),
          next,
          describe(sent.attempt()));
    }
  }

  /**
   * Sends the event once more now, whatever its delivery came to (an integrator asked for it), and
   * logs the attempt; a success makes the delivery DELIVERED, a failure leaves it as it was.
   */
  WebhookDelivery redeliver(OrderEvent event, WebhookDelivery delivery) {
    WebhookSender.Sent sent = sender.send(subscription, event, body(event));
    return notifications.recordAttempt(
        delivery,
        sent.attempt(),
        sent.attempt().succeeded() ? Status.DELIVERED : delivery.status());
  }

  /**
   * The pause before the next try: the receiver's {@code Retry-After} when it asks for longer than
   * our own doubling pause, never shorter than that, and at most {@code maxRetryDelay}.
   */
  private Duration pauseAfter(WebhookSender.Sent sent, int attempts) {
    Duration ours = settings.retryDelay(attempts);
    Duration pause = sent.retryAfter().filter(asked -> asked.compareTo(ours) > 0).orElse(ours);
    return pause.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : pause;
  }

  /** The body of an event's delivery: the event as the order's timeline shows it. */
  String body(OrderEvent event) {
    return json.writeValueAsString(OrderView.Event.of(event));
  }

  private Status statusAfter(WebhookDelivery.Attempt attempt, WebhookDelivery before) {
    if (attempt.succeeded()) {
      return Status.DELIVERED;
    }
    boolean retryable =
        attempt.status() == 0
            || attempt.status() >= 500
            || attempt.status() == 408
            || attempt.status() == 429;
    if (!retryable) {
      return Status.REFUSED;
    }
    java.time.Instant first =
        before.firstAttemptAt() == null ? attempt.at() : before.firstAttemptAt();
    return Duration.between(first, clock.instant()).compareTo(settings.giveUpAfter()) >= 0
        ? Status.GAVE_UP
        : Status.RETRYING;
  }

  private static String describe(WebhookDelivery.Attempt attempt) {
    return attempt.status() == 0 ? attempt.error() : "answered " + attempt.status();
  }
}
