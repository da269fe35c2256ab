package dev.gridcommerce.persistence.notification;

import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.persistence.MapStoreContract;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

class WebhookSubscriptionMapStoreTest extends MapStoreContract<String, WebhookSubscription> {

  WebhookSubscriptionMapStoreTest() {
    super(WebhookSubscriptionMapStore::new, "webhook_subscriptions");
  }

  @Override
  protected Map.Entry<String, WebhookSubscription> sample(int n) {
    return Map.entry(
        "wh_" + n,
        new WebhookSubscription(
            "wh_" + n,
            URI.create("https://integrator.example.com/hooks/" + n),
            n % 2 == 0
                ? Set.of(OrderEventType.PAID)
                : Set.of(OrderEventType.PAID, OrderEventType.DELIVERED),
            "whsec_" + "x".repeat(40) + n,
            Instant.parse("2026-12-01T10:00:00Z").plusSeconds(n)));
  }
}
