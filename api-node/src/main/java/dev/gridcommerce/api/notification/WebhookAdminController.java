package dev.gridcommerce.api.notification;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.notification.OutboundUrls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN manages integrators' webhook subscriptions: {@code POST /admin/webhooks} {url, eventTypes}
 * answers the subscription with its signing secret, the only time it is shown; {@code GET} lists
 * them (without secrets), {@code DELETE /{id}} removes one; {@code GET /{id}/deliveries} is the
 * delivery log (every attempt, successes too), {@code POST /{id}/deliveries/{eventId}/redeliver}
 * sends one event again, {@code POST /{id}/redeliver?since=} every event first tried since then. A
 * URL the grid may not call (not http/https, or resolving to a loopback, link-local, metadata or
 * private address) is a 400.
 */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
class WebhookAdminController {

  private final Notifications notifications;
  private final WebhookDispatcher dispatcher;

  WebhookAdminController(Notifications notifications, WebhookDispatcher dispatcher) {
    this.notifications = notifications;
    this.dispatcher = dispatcher;
  }

  record NewSubscription(
      @NotBlank @Size(max = 2_000) String url, @NotEmpty @Size(max = 32) List<String> eventTypes) {}

  /** A subscription as listed; {@code secret} only in the answer that made it. */
  record SubscriptionView(
      String id, URI url, Set<OrderEventType> eventTypes, Instant createdAt, String secret) {

    static SubscriptionView of(WebhookSubscription subscription, boolean withSecret) {
      return new SubscriptionView(
          subscription.id(),
          subscription.url(),
          subscription.eventTypes(),
          subscription.createdAt(),
          withSecret ? subscription.secret() : null);
    }
  }

  @PostMapping
  ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody NewSubscription body) {
    Set<OrderEventType> types = EnumSet.noneOf(OrderEventType.class);
    for (String name : body.eventTypes()) {
      try {
        types.add(OrderEventType.valueOf(name));
      } catch (IllegalArgumentException | NullPointerException unknown) {
        throw ApiProblem.invalid(
            "eventTypes",
            "'"
                + name
                + "' is not an event type; one of "
                + Arrays.toString(OrderEventType.values()));
      }
    }
    WebhookSubscription made;
    try {
      made = notifications.subscribe(body.url().strip(), types);
    } catch (OutboundUrls.Refused refused) {
      throw ApiProblem.invalid("url", refused.getMessage());
    }
    dispatcher.startNow(made);
    return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + made.id()))
        .body(SubscriptionView.of(made, true));
  }

  @GetMapping
  List<SubscriptionView> list() {
    return notifications.webhooks().stream().map(s -> SubscriptionView.of(s, false)).toList();
  }

  @GetMapping("/{id}")
  SubscriptionView one(@PathVariable String id) {
    return notifications
        .webhook(id)
        .map(s -> SubscriptionView.of(s, false))
        .orElseThrow(() -> ApiProblem.notFound("no webhook subscription " + id));
  }

  /** The subscription's deliveries of the last week, each with every attempt, newest first. */
  @GetMapping("/{id}/deliveries")
  List<WebhookDelivery> deliveries(@PathVariable String id) {
    WebhookSubscription subscription = subscription(id);
    return notifications.deliveries(subscription.id(), 500);
  }

  /** Sends one event to the subscription again, now; answers its delivery with the attempt. */
  @PostMapping("/{id}/deliveries/{eventId}/redeliver")
  WebhookDelivery redeliver(@PathVariable String id, @PathVariable String eventId) {
    return dispatcher
        .redeliver(subscription(id), eventId)
        .orElseThrow(() ->
            ApiProblem.notFound("no delivery of event " + eventId + " to subscription " + id));
  }

  /**
   * Sends again every event of the last week whose delivery to the subscription was first tried at
   * or after {@code since} (ISO-8601), in that order, at most 1,000; answers how many were sent and
   * how many the receiver took.
   */
  @PostMapping("/{id}/redeliver")
  WebhookDispatcher.Redelivery redeliverSince(
      @PathVariable String id, @RequestParam("since") String since) {
    Instant from;
    try {
      from = Instant.parse(since);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiProblem.invalid("since", "an ISO-8601 time such as 2026-12-01T10:00:00Z");
    }
    return dispatcher.redeliverSince(subscription(id), from, 1_000);
  }

  private WebhookSubscription subscription(String id) {
    return notifications
        .webhook(id)
        .orElseThrow(() -> ApiProblem.notFound("no webhook subscription " + id));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> unsubscribe(@PathVariable String id) {
    if (!notifications.unsubscribe(id)) {
      throw ApiProblem.notFound("no webhook subscription " + id);
    }
    return ResponseEntity.noContent().build();
  }
}
