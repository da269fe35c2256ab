package dev.gridcommerce.grid.notification;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.ArrayList;
import java.util.List;

/** Compact serializer of webhook deliveries; the attempts travel as columns. */
final class WebhookDeliverySerializer extends NamedSerializer<WebhookDelivery> {

  WebhookDeliverySerializer() {
    super("commerce.WebhookDelivery", WebhookDelivery.class);
  }

  @Override
  public WebhookDelivery read(CompactReader in) {
    long[] ats = in.readArrayOfInt64("attemptAts");
    int[] statuses = in.readArrayOfInt32("attemptStatuses");
    String[] errors = in.readArrayOfString("attemptErrors");
    long[] millis = in.readArrayOfInt64("attemptMillis");
    List<WebhookDelivery.Attempt> attempts = new ArrayList<>(ats.length);
    for (int i = 0; i < ats.length; i++) {
      attempts.add(new WebhookDelivery.Attempt(instant(ats[i]), statuses[i], errors[i], millis[i]));
    }
    return new WebhookDelivery(
        in.readString("subscriptionId"),
        in.readString("eventId"),
        in.readString("orderId"),
        in.readInt64("seq"),
        OrderEventType.valueOf(in.readString("type")),
        WebhookDelivery.Status.valueOf(in.readString("status")),
        attempts);
  }

  @Override
  public void write(CompactWriter out, WebhookDelivery delivery) {
    out.writeString("subscriptionId", delivery.subscriptionId());
    out.writeString("eventId", delivery.eventId());
    out.writeString("orderId", delivery.orderId());
    out.writeInt64("seq", delivery.seq());
    out.writeString("type", delivery.type().name());
    out.writeString("status", delivery.status().name());
    List<WebhookDelivery.Attempt> attempts = delivery.attempts();
    out.writeArrayOfInt64("attemptAts", attempts.stream().mapToLong(a -> millis(a.at())).toArray());
    out.writeArrayOfInt32(
        "attemptStatuses", attempts.stream().mapToInt(WebhookDelivery.Attempt::status).toArray());
    out.writeArrayOfString(
        "attemptErrors",
        attempts.stream().map(WebhookDelivery.Attempt::error).toArray(String[]::new));
    out.writeArrayOfInt64(
        "attemptMillis", attempts.stream().mapToLong(WebhookDelivery.Attempt::millis).toArray());
  }
}
