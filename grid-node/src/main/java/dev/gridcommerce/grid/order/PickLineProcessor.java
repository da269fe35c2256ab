package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A line of an order of the store confirmed picked in full ({@link Order#linePicked}); an order of
 * another store is answered as missing. See {@link OrderUpdate}.
 */
record PickLineProcessor(String storeId, String lineId, Instant now) implements StoreOrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.linePicked(lineId, now);
  }

  static final class Serializer extends NamedSerializer<PickLineProcessor> {

    Serializer() {
      super("commerce.PickLineProcessor", PickLineProcessor.class);
    }

    @Override
    public PickLineProcessor read(CompactReader in) {
      return new PickLineProcessor(
          in.readString("storeId"), in.readString("lineId"), instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, PickLineProcessor processor) {
      out.writeString("storeId", processor.storeId());
      out.writeString("lineId", processor.lineId());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
