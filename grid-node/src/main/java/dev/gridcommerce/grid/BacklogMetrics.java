package dev.gridcommerce.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.order.SubscriberBacklog;
import dev.gridcommerce.grid.support.OnOldestMember;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster's backlogs, measured by the oldest member every {@link #INTERVAL} (so one member asks
 * PostgreSQL and the grid, and the figures are not counted once per member): per durable subscriber
 * of the order events, the events stored after its checkpoint ({@code commerce.events.backlog}) and
 * whether an instance reads for it ({@code commerce.events.subscriber.reading}); webhook
 * subscriptions are the subscribers {@code webhook-<id>}. And the webhook deliveries of the last
 * week that are not delivered, by status ({@code commerce.webhooks.undelivered}: retrying, refused,
 * gave_up). Another member takes the measuring over when the oldest leaves; until its first round a
 * member serves no backlog series and zero undelivered.
 */
final class BacklogMetrics {

  static final Duration INTERVAL = Duration.ofSeconds(10);

  private final Orders orders;
  private final Notifications notifications;
  private final MultiGauge backlog;
  private final MultiGauge reading;
  private final Map<WebhookDelivery.Status, AtomicLong> undelivered =
      new EnumMap<>(WebhookDelivery.Status.class);

  private BacklogMetrics(Orders orders, Notifications notifications) {
    this.orders = orders;
    this.notifications = notifications;
    this.backlog =
        MultiGauge.builder("commerce.events.backlog")
            .description("order events stored after the subscriber's checkpoint")
            .register(Metrics.globalRegistry);
    this.reading =
        MultiGauge.builder("commerce.events.subscriber.reading")
            .description("1 while an instance reads the order events for the subscriber")
            .register(Metrics.globalRegistry);
    for (WebhookDelivery.Status status : WebhookDelivery.Status.values()) {
      if (status == WebhookDelivery.Status.DELIVERED) {
        continue;
      }
      AtomicLong count = new AtomicLong();
      undelivered.put(status, count);
      Gauge.builder("commerce.webhooks.undelivered", count, AtomicLong::get)
          .tag("status", status.name().toLowerCase(Locale.ROOT))
          .description("webhook deliveries of the last week not delivered, by status")
          .register(Metrics.globalRegistry);
    }
  }

  static OnOldestMember start(
      HazelcastInstance member, Orders orders, Notifications notifications) {
    BacklogMetrics metrics = new BacklogMetrics(orders, notifications);
    member
        .getLifecycleService()
        .addLifecycleListener(event -> {
          if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
            metrics.backlog.register(List.of(), true);
            metrics.reading.register(List.of(), true);
          }
        });
    return OnOldestMember.every(member, INTERVAL, "backlog metrics", metrics::measure);
  }

  private void measure() {
    List<SubscriberBacklog> subscribers = orders.eventBacklog();
    backlog.register(
        subscribers.stream()
            .map(s -> MultiGauge.Row.of(Tags.of("subscriber", s.subscriber()), s.events()))
            .toList(),
        true);
    reading.register(
        subscribers.stream()
            .map(s -> MultiGauge.Row.of(Tags.of("subscriber", s.subscriber()), s.reading() ? 1 : 0))
            .toList(),
        true);
    notifications.undelivered().forEach((status, count) -> undelivered.get(status).set(count));
  }
}
