package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Records how much of the order's payment the provider has refunded in all ({@link
 * Order#refundRecorded}): reports only grow, so copies and late ones change nothing. See {@link
 * OrderUpdate}.
 */
record RecordRefundProcessor(Money refundedTotal, Instant now, String eventId)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.refundRecorded(refundedTotal, now, eventId);
  }

  static final class Serializer extends NamedSerializer<RecordRefundProcessor> {

    Serializer() {
      super("commerce.RecordRefundProcessor", RecordRefundProcessor.class);
    }

    @Override
    public RecordRefundProcessor read(CompactReader in) {
      return new RecordRefundProcessor(
          Money.of(in.readInt64("refundedMinor"), in.readString("currency")),
          instant(in.readInt64("now")),
          in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, RecordRefundProcessor processor) {
      out.writeInt64("refundedMinor", processor.refundedTotal().amountMinor());
      out.writeString("currency", processor.refundedTotal().currency());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
