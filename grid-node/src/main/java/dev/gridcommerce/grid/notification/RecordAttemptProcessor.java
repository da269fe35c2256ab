package dev.gridcommerce.grid.notification;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.notification.WebhookDelivery;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.Map;

/**
 * Appends one attempt to a delivery in the log, in one step on its key, so the subscriber and an
 * admin's redelivery never overwrite each other's attempts (see {@link WebhookDelivery#with}).
 * {@code fresh} is the delivery as it starts when the log has none yet.
 */
record RecordAttemptProcessor(
    WebhookDelivery fresh, WebhookDelivery.Attempt attempt, WebhookDelivery.Status next)
    implements EntryProcessor<String, WebhookDelivery, WebhookDelivery> {

  @Override
  public WebhookDelivery process(Map.Entry<String, WebhookDelivery> entry) {
    WebhookDelivery current = entry.getValue() == null ? fresh : entry.getValue();
    WebhookDelivery recorded = current.with(attempt, next);
    entry.setValue(recorded);
    return recorded;
  }

  static final class Serializer extends NamedSerializer<RecordAttemptProcessor> {

    Serializer() {
      super("commerce.RecordAttemptProcessor", RecordAttemptProcessor.class);
    }

    @Override
    public RecordAttemptProcessor read(CompactReader in) {
      return new RecordAttemptProcessor(
          in.readCompact("fresh"),
          new WebhookDelivery.Attempt(
              instant(in.readInt64("at")),
              in.readInt32("status"),
              in.readString("error"),
              in.readInt64("millis")),
          WebhookDelivery.Status.valueOf(in.readString("next")));
    }

    @Override
    public void write(CompactWriter out, RecordAttemptProcessor processor) {
      out.writeCompact("fresh", processor.fresh());
      out.writeInt64("at", millis(processor.attempt().at()));
      out.writeInt32("status", processor.attempt().status());
      out.writeString("error", processor.attempt().error());
      out.writeInt64("millis", processor.attempt().millis());
      out.writeString("next", processor.next().name());
    }
  }
}
