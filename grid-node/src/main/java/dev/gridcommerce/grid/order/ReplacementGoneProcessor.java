package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * The replacement of a short line could not be sold: the line is refunded instead ({@link
 * Order#replacementGone}). See {@link OrderUpdate}.
 */
record ReplacementGoneProcessor(String lineId, String sku, Instant now, String eventId)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.replacementGone(lineId, sku, now, eventId);
  }

  static final class Serializer extends NamedSerializer<ReplacementGoneProcessor> {

    Serializer() {
      super("commerce.ReplacementGoneProcessor", ReplacementGoneProcessor.class);
    }

    @Override
    public ReplacementGoneProcessor read(CompactReader in) {
      return new ReplacementGoneProcessor(
          in.readString("lineId"),
          in.readString("sku"),
          instant(in.readInt64("now")),
          in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, ReplacementGoneProcessor processor) {
      out.writeString("lineId", processor.lineId());
      out.writeString("sku", processor.sku());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
