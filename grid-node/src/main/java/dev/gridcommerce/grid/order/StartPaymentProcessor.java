package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Names the unpaid order's payment at the provider ({@link Order#paymentStarted}); the same intent
 * again changes nothing. Refused for an order that is no longer unpaid or has another payment. See
 * {@link OrderUpdate}.
 */
record StartPaymentProcessor(PaymentReference intent, Instant now, String eventId)
    implements OrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.paymentStarted(intent, now, eventId);
  }

  static final class Serializer extends NamedSerializer<StartPaymentProcessor> {

    Serializer() {
      super("commerce.StartPaymentProcessor", StartPaymentProcessor.class);
    }

    @Override
    public StartPaymentProcessor read(CompactReader in) {
      return new StartPaymentProcessor(
          OrderSerializers.payment(in), instant(in.readInt64("now")), in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, StartPaymentProcessor processor) {
      OrderSerializers.payment(out, processor.intent());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
