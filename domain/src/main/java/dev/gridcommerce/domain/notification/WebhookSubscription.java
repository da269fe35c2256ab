package dev.gridcommerce.domain.notification;

import dev.gridcommerce.domain.order.OrderEventType;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An integrator's subscription to order events: each event of one of {@code eventTypes} is POSTed
 * to {@code url}, signed with {@code secret} (HMAC-SHA256; shown to the integrator once, when the
 * subscription is made).
 */
public record WebhookSubscription(
    String id, URI url, Set<OrderEventType> eventTypes, String secret, Instant createdAt) {

  public WebhookSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(createdAt, "createdAt");
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new IllegalArgumentException("a subscription names at least one event type");
    }
    eventTypes = Set.copyOf(EnumSet.copyOf(eventTypes));
    if (secret.length() < 32) {
      throw new IllegalArgumentException("a signing secret has at least 32 characters");
    }
  }

  public boolean wants(OrderEventType type) {
    return eventTypes.contains(type);
  }
}
