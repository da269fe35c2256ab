package dev.gridcommerce.api.notification;

import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one durable subscriber of the order events ({@code webhook-<id>}) running per webhook
 * subscription, from the events after it was made on: every few seconds it starts those of new
 * subscriptions and stops those of removed ones. Each subscriber reads on one API node at a time
 * (its lease), so every API node may run a dispatcher.
 */
final class WebhookDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final String PREFIX = "webhook-";

  /** Longer than twice one delivery's connect and read timeouts. */
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final Orders orders;
  private final Notifications notifications;
  private final Function<WebhookSubscription, WebhookDeliveries> deliveries;
  private final Map<String, EventSubscription> running = new ConcurrentHashMap<>();
  private final AutoCloseable resources;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-dispatcher");
        thread.setDaemon(true);
        return thread;
      });

  WebhookDispatcher(
      Orders orders,
      Notifications notifications,
      Function<WebhookSubscription, WebhookDeliveries> deliveries,
      Duration refresh,
      AutoCloseable resources) {
    this.resources = resources;
    this.orders = orders;
    this.notifications = notifications;
    this.deliveries = deliveries;
    timer.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  static String subscriberName(String subscriptionId) {
    return PREFIX + subscriptionId;
  }

  private void refresh() {
    try {
      Map<String, WebhookSubscription> current =
          notifications.webhooks().stream()
              .collect(Collectors.toMap(WebhookSubscription::id, Function.identity()));
      current.values().forEach(this::run);
      Set<String> gone =
          running.keySet().stream()
              .filter(id -> !current.containsKey(id))
              .collect(Collectors.toSet());
      for (String id : gone) {
        running.remove(id).close();
        log.info("webhook subscription {} removed: its deliveries stop", id);
      }
      forgetRemoved(current.keySet());
    } catch (RuntimeException e) {
      log.warn("webhook subscriptions not refreshed: {}", e.toString());
    }
  }

  /**
   * Drops the checkpoints of removed subscriptions, so they don't show as a growing backlog: only
   * of those the grid confirms are gone, asked one by one (a listing that missed one, from a map
   * still loading, must not cost it its place in the log). One still read by an instance on another
   * node stays until that node has stopped it.
   */
  private void forgetRemoved(Set<String> listed) {
    orders.subscribers().stream()
        .filter(name -> name.startsWith(PREFIX))
        .map(name -> name.substring(PREFIX.length()))
        .filter(id -> !listed.contains(id) && notifications.webhook(id).isEmpty())
        .forEach(id -> orders.forgetSubscriber(subscriberName(id)));
  }

  private EventSubscription run(WebhookSubscription subscription) {
    return running.computeIfAbsent(
        subscription.id(),
        id ->
            orders.subscribe(
                subscriberName(id),
                deliveries.apply(subscription),
                EventSubscription.Options.DEFAULT
                    .startingAt(EventSubscription.Start.LATEST)
                    .withLease(LEASE)));
  }

  /**
   * Starts a new subscription's deliveries on this node now, and waits (a few seconds at most)
   * until its subscriber has its place in the event log: every event from then on is delivered.
   */
  void startNow(WebhookSubscription subscription) {
    EventSubscription subscriber = run(subscription);
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (subscriber.position() < 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Sends an event that was delivered (or tried) to the subscription once more, now; empty when the
   * log has no such delivery, or its order is gone.
   */
  Optional<WebhookDelivery> redeliver(WebhookSubscription subscription, String eventId) {
    return notifications
        .delivery(subscription.id(), eventId)
        .flatMap(delivery ->
            orders
                .find(delivery.orderId())
                .flatMap(order ->
                    order.events().stream().filter(e -> e.id().equals(eventId)).findFirst())
                .map(event -> deliveries.apply(subscription).redeliver(event, delivery)));
  }

  /** What a redelivery of many events came to. */
  record Redelivery(int sent, int delivered, int failed) {}

  /**
   * Sends again, one at a time in the order they were first tried, every event the subscription's
   * log has whose first attempt was at or after {@code since} (at most {@code max}).
   */
  Redelivery redeliverSince(WebhookSubscription subscription, java.time.Instant since, int max) {
    List<WebhookDelivery> due =
        notifications.deliveries(subscription.id(), Integer.MAX_VALUE).stream()
            .filter(d -> d.firstAttemptAt() != null && !d.firstAttemptAt().isBefore(since))
            .sorted(java.util.Comparator.comparing(WebhookDelivery::firstAttemptAt))
            .limit(max)
            .toList();
    int delivered = 0;
    int failed = 0;
    for (WebhookDelivery delivery : due) {
      Optional<WebhookDelivery> sent = redeliver(subscription, delivery.eventId());
      if (sent.isPresent() && sent.get().attempts().getLast().succeeded()) {
        delivered++;
      } else {
        failed++;
      }
    }
    return new Redelivery(due.size(), delivered, failed);
  }

  @Override
  public void close() throws Exception {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
    running.values().forEach(EventSubscription::close);
    running.clear();
    resources.close();
  }
}
