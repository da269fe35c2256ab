package dev.gridcommerce.grid.notification;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Compact serializer of webhook subscriptions. */
final class WebhookSubscriptionSerializer extends NamedSerializer<WebhookSubscription> {

  WebhookSubscriptionSerializer() {
    super("commerce.WebhookSubscription", WebhookSubscription.class);
  }

  @Override
  public WebhookSubscription read(CompactReader in) {
    return new WebhookSubscription(
        in.readString("id"),
        URI.create(in.readString("url")),
        Arrays.stream(in.readArrayOfString("eventTypes"))
            .map(OrderEventType::valueOf)
            .collect(Collectors.toSet()),
        in.readString("secret"),
        instant(in.readInt64("createdAt")));
  }

  @Override
  public void write(CompactWriter out, WebhookSubscription subscription) {
    out.writeString("id", subscription.id());
    out.writeString("url", subscription.url().toString());
    out.writeArrayOfString(
        "eventTypes",
        subscription.eventTypes().stream().map(Enum::name).sorted().toArray(String[]::new));
    out.writeString("secret", subscription.secret());
    out.writeInt64("createdAt", millis(subscription.createdAt()));
  }
}
