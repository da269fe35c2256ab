package dev.gridcommerce.grid.checkout;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.CheckoutAttempt.State;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/** Compact serializers of checkout attempts and their short lines. */
final class CheckoutAttemptSerializers {

  private CheckoutAttemptSerializers() {}

  static final class Serializer extends NamedSerializer<CheckoutAttempt> {

    Serializer() {
      super("commerce.CheckoutAttempt", CheckoutAttempt.class);
    }

    @Override
    public CheckoutAttempt read(CompactReader in) {
      return new CheckoutAttempt(
          in.readString("requestHash"),
          in.readString("orderId"),
          in.readString("token"),
          State.valueOf(in.readString("state")),
          instant(in.readInt64("leaseUntil")),
          List.of(in.readArrayOfCompact("shortLines", ShortLine.class)));
    }

    @Override
    public void write(CompactWriter out, CheckoutAttempt attempt) {
      out.writeString("requestHash", attempt.requestHash());
      out.writeString("orderId", attempt.orderId());
      out.writeString("token", attempt.token());
      out.writeString("state", attempt.state().name());
      out.writeInt64("leaseUntil", millis(attempt.leaseUntil()));
      out.writeArrayOfCompact("shortLines", attempt.shortLines().toArray(ShortLine[]::new));
    }
  }

  static final class ShortLineSerializer extends NamedSerializer<ShortLine> {

    ShortLineSerializer() {
      super("commerce.ShortLine", ShortLine.class);
    }

    @Override
    public ShortLine read(CompactReader in) {
      return new ShortLine(
          in.readString("sku"), in.readInt32("requested"), in.readInt32("available"));
    }

    @Override
    public void write(CompactWriter out, ShortLine line) {
      out.writeString("sku", line.sku());
      out.writeInt32("requested", line.requested());
      out.writeInt32("available", line.available());
    }
  }
}
