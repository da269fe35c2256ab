package dev.gridcommerce.grid.notification;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.support.GridMaps;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The notification capability's door on the grid:
 *
 * <ul>
 *   <li>what was sent already, by a key naming what and to whom ({@code mail:<event
 *       id>:<recipient>}, {@code low-stock:<store>:<sku>}), so a redelivered event sends nothing
 *       twice; kept for a day (the {@code notifications-sent} map's time to live), or for less when
 *       a key says so;
 *   <li>integrators' webhook subscriptions: made with a generated signing secret, to URLs that
 *       {@link OutboundUrls} allows; listed; removed.
 * </ul>
 */
public final class Notifications {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IMap<String, Long> sent;
  private final IMap<String, WebhookSubscription> webhooks;
  private final IMap<String, WebhookDelivery> deliveries;
  private final OutboundUrls urls;
  private final Clock clock;

  public Notifications(HazelcastInstance grid, Clock clock, OutboundUrls urls) {
    GridMaps maps = new GridMaps(grid);
    this.sent = maps.notificationsSent();
    this.webhooks = maps.webhookSubscriptions();
    this.deliveries = maps.webhookDeliveries();
    this.urls = urls;
    this.clock = clock;
  }

  /** The Compact serializers of webhook subscriptions. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(
        new WebhookSubscriptionSerializer(),
        new WebhookDeliverySerializer(),
        new RecordAttemptProcessor.Serializer());
  }

  public boolean alreadySent(String key) {
    return sent.containsKey(key);
  }

  /** Records that {@code key} was sent now. */
  public void sent(String key) {
    sent.set(key, clock.millis());
  }

  /** Records that {@code key} was sent now; it may be sent again after {@code seconds}. */
  public void sent(String key, long seconds) {
    sent.set(key, clock.millis(), seconds, TimeUnit.SECONDS);
  }

  /**
   * A new subscription of {@code url} to events of {@code eventTypes}, with a new signing secret
   * (the only time it is handed out).
   *
   * @throws OutboundUrls.Refused when the URL may not be called, saying why
   */
  public WebhookSubscription subscribe(String url, Set<OrderEventType> eventTypes) {
    WebhookSubscription subscription =
        new WebhookSubscription(
            "wh_" + UUID.randomUUID().toString().replace("-", ""),
            urls.check(url),
            eventTypes,
            newSecret(),
            clock.instant());
    webhooks.set(subscription.id(), subscription);
    return subscription;
  }

  /** Every subscription, oldest first. */
  public List<WebhookSubscription> webhooks() {
    return webhooks.values().stream()
        .sorted(Comparator.comparing(WebhookSubscription::createdAt))
        .toList();
  }

  public Optional<WebhookSubscription> webhook(String id) {
    return id == null || id.length() > 64
        ? Optional.empty()
        : Optional.ofNullable(webhooks.get(id));
  }

  /** Removes the subscription; answers whether there was one. */
  public boolean unsubscribe(String id) {
    return webhook(id).isPresent() && webhooks.remove(id) != null;
  }

  /** The delivery of an event to a subscription, if it was tried. */
  public Optional<WebhookDelivery> delivery(String subscriptionId, String eventId) {
    return Optional.ofNullable(deliveries.get(WebhookDelivery.key(subscriptionId, eventId)));
  }

  /**
   * Appends an attempt to the delivery of {@code fresh}'s event (starting from {@code fresh} when
   * the log has none), leaving it {@code next} (or delivered, once it was); answers it as recorded.
   */
  public WebhookDelivery recordAttempt(
      WebhookDelivery fresh, WebhookDelivery.Attempt attempt, WebhookDelivery.Status next) {
    return deliveries.executeOnKey(
        WebhookDelivery.key(fresh.subscriptionId(), fresh.eventId()),
        new RecordAttemptProcessor(fresh, attempt, next));
  }

  /** The subscription's deliveries of the last week, newest attempt first, at most {@code max}. */
  public List<WebhookDelivery> deliveries(String subscriptionId, int max) {
    return deliveries.values(Predicates.equal("subscriptionId", subscriptionId)).stream()
        .sorted(
            Comparator.comparing((WebhookDelivery d) ->
                    d.attempts().isEmpty() ? java.time.Instant.MIN : d.attempts().getLast().at())
                .reversed())
        .limit(max)
        .toList();
  }

  /**
   * Per subscription there is now, how many of its deliveries of the last week are not delivered,
   * by status ({@code RETRYING}, {@code REFUSED}, {@code GAVE_UP}; zero included), counted where
   * they are stored. Deliveries of removed subscriptions are left out.
   */
  public Map<String, Map<WebhookDelivery.Status, Long>> undelivered() {
    List<WebhookDelivery.Status> notDelivered =
        EnumSet.complementOf(EnumSet.of(WebhookDelivery.Status.DELIVERED)).stream().toList();
    Map<String, Map<WebhookDelivery.Status, Long>> counts = new TreeMap<>();
    for (String subscription : webhooks.keySet()) {
      Map<WebhookDelivery.Status, Long> zero = new EnumMap<>(WebhookDelivery.Status.class);
      notDelivered.forEach(status -> zero.put(status, 0L));
      counts.put(subscription, zero);
    }
    // "in", not "not equal": the status index answers it, without reading the week's deliveries
    Collection<Object[]> undelivered =
        deliveries.project(
            Projections.multiAttribute("subscriptionId", "status"),
            Predicates.in("status", notDelivered.stream().map(Enum::name).toArray(String[]::new)));
    for (Object[] delivery : undelivered) {
      Map<WebhookDelivery.Status, Long> ofSubscription = counts.get((String) delivery[0]);
      if (ofSubscription != null) {
        ofSubscription.merge(WebhookDelivery.Status.valueOf((String) delivery[1]), 1L, Long::sum);
      }
    }
    return counts;
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
