package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A packed order of the store leaves with a rider ({@link Order#outWith}); an order of another
 * store is answered as missing. See {@link OrderUpdate}.
 */
record OutWithRiderProcessor(String storeId, Courier rider, Instant now, String eventId)
    implements StoreOrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.outWith(rider, now, eventId);
  }

  static final class Serializer extends NamedSerializer<OutWithRiderProcessor> {

    Serializer() {
      super("commerce.OutWithRiderProcessor", OutWithRiderProcessor.class);
    }

    @Override
    public OutWithRiderProcessor read(CompactReader in) {
      return new OutWithRiderProcessor(
          in.readString("storeId"),
          new Courier(in.readString("riderId"), in.readString("riderName")),
          instant(in.readInt64("now")),
          in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, OutWithRiderProcessor processor) {
      out.writeString("storeId", processor.storeId());
      out.writeString("riderId", processor.rider().riderId());
      out.writeString("riderName", processor.rider().name());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
