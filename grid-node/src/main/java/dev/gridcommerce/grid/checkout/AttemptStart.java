package dev.gridcommerce.grid.checkout;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.grid.support.NamedSerializer;

/** What starting a checkout under a key came to, and the order id the key's attempt places. */
record AttemptStart(IdempotentCheckout.Verdict verdict, String orderId) {

  static final class Serializer extends NamedSerializer<AttemptStart> {

    Serializer() {
      super("commerce.AttemptStart", AttemptStart.class);
    }

    @Override
    public AttemptStart read(CompactReader in) {
      return new AttemptStart(
          IdempotentCheckout.Verdict.valueOf(in.readString("verdict")), in.readString("orderId"));
    }

    @Override
    public void write(CompactWriter out, AttemptStart start) {
      out.writeString("verdict", start.verdict().name());
      out.writeString("orderId", start.orderId());
    }
  }
}
