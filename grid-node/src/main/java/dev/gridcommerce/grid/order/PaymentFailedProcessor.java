package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Records that a payment attempt for an unpaid order failed ({@link Order#paymentFailed}); the same
 * failure told twice (the same {@code eventId}) is recorded once. Refused for an order that is no
 * longer unpaid. See {@link OrderUpdate}.
 */
record PaymentFailedProcessor(String reason, Instant now, String eventId) implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.hasEvent(eventId) ? order : order.paymentFailed(reason, now, eventId);
  }

  static final class Serializer extends NamedSerializer<PaymentFailedProcessor> {

    Serializer() {
      super("commerce.PaymentFailedProcessor", PaymentFailedProcessor.class);
    }

    @Override
    public PaymentFailedProcessor read(CompactReader in) {
      return new PaymentFailedProcessor(
          in.readString("reason"), instant(in.readInt64("now")), in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, PaymentFailedProcessor processor) {
      out.writeString("reason", processor.reason());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
