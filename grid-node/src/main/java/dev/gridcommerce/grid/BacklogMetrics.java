package dev.gridcommerce.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.order.SubscriberBacklog;
import dev.gridcommerce.grid.support.OnOldestMember;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's backlogs, measured by the oldest member every {@link #INTERVAL} (so one member asks
 * PostgreSQL and the grid, and the figures are not counted once per member): per durable subscriber
 * of the order events, the events stored after its checkpoint ({@code commerce.events.backlog}) and
 * whether an instance reads for it ({@code commerce.events.subscriber.reading}); webhook
 * subscriptions are the subscribers {@code webhook-<id>}. And per webhook subscription, its
 * deliveries of the last week that are not delivered, by status ({@code
 * commerce.webhooks.undelivered}: retrying, refused, gave_up). Another member takes the measuring
 * over when the oldest leaves. A member that doesn't measure (not the oldest, or a measurement that
 * failed) serves none of these series rather than old figures.
 */
final class BacklogMetrics {

  static final Duration INTERVAL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(BacklogMetrics.class);

  private final Orders orders;
  private final Notifications notifications;
  private final Series backlog =
      new Series(
          "commerce.events.backlog", "order events stored after the subscriber's checkpoint");
  private final Series reading =
      new Series(
          "commerce.events.subscriber.reading",
          "1 while an instance reads the order events for the subscriber");
  private final Series undelivered =
      new Series(
          "commerce.webhooks.undelivered",
          "the subscription's webhook deliveries of the last week not delivered, by status");

  private BacklogMetrics(Orders orders, Notifications notifications) {
    this.orders = orders;
    this.notifications = notifications;
  }

  static OnOldestMember start(
      HazelcastInstance member, Orders orders, Notifications notifications) {
    BacklogMetrics metrics = new BacklogMetrics(orders, notifications);
    member
        .getLifecycleService()
        .addLifecycleListener(event -> {
          if (event.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN) {
            metrics.clear();
          }
        });
    return OnOldestMember.every(
        member, INTERVAL, "backlog metrics", metrics::measure, metrics::clear);
  }

  /** Each measurement on its own: one that fails leaves its series empty, not old. */
  private void measure() {
    try {
      List<SubscriberBacklog> subscribers = orders.eventBacklog();
      backlog.set(bySubscriber(subscribers, SubscriberBacklog::events));
      reading.set(bySubscriber(subscribers, subscriber -> subscriber.reading() ? 1L : 0L));
    } catch (RuntimeException e) {
      backlog.set(Map.of());
      reading.set(Map.of());
      log.warn("order event backlog not measured: {}", e.toString());
    }
    try {
      Map<Tags, Long> counts = new HashMap<>();
      notifications
          .undelivered()
          .forEach((subscription, byStatus) ->
              byStatus.forEach((status, count) ->
                  counts.put(
                      Tags.of(
                          "subscription",
                          subscription,
                          "status",
                          status.name().toLowerCase(Locale.ROOT)),
                      count)));
      undelivered.set(counts);
    } catch (RuntimeException e) {
      undelivered.set(Map.of());
      log.warn("undelivered webhooks not measured: {}", e.toString());
    }
  }

  private static Map<Tags, Long> bySubscriber(
      List<SubscriberBacklog> subscribers, ToLongFunction<SubscriberBacklog> value) {
    Map<Tags, Long> values = new HashMap<>();
    subscribers.forEach(subscriber ->
        values.put(Tags.of("subscriber", subscriber.subscriber()), value.applyAsLong(subscriber)));
    return values;
  }

  private void clear() {
    backlog.set(Map.of());
    reading.set(Map.of());
    undelivered.set(Map.of());
  }

  /**
   * One gauge per tag set, each reading a value of its own that a measurement updates in place: a
   * series that stays is never removed between scrapes, one that goes is removed.
   */
  private static final class Series {
    private final MultiGauge gauge;
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    Series(String name, String description) {
      this.gauge =
          MultiGauge.builder(name).description(description).register(Metrics.globalRegistry);
    }

    synchronized void set(Map<Tags, Long> measured) {
      values.keySet().retainAll(measured.keySet());
      measured.forEach(
          (tags, value) -> values.computeIfAbsent(tags, t -> new AtomicLong()).set(value));
      gauge.register(
          values.entrySet().stream()
              .map(row -> MultiGauge.Row.of(row.getKey(), row.getValue(), AtomicLong::get))
              .toList(),
          false);
    }
  }
}
