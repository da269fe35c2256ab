package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Names the cart's voucher ({@code code}, upper-case; null takes it off) and answers the cart. Runs
 * on the partition thread owning the cart; the backup runs the same processor with the same time.
 */
record SetVoucherProcessor(String code, Instant now) implements CartProcessor {

  @Override
  public Cart apply(Cart cart) {
    return cart.withVoucher(code, now);
  }

  static final class Serializer extends NamedSerializer<SetVoucherProcessor> {

    Serializer() {
      super("commerce.SetVoucherProcessor", SetVoucherProcessor.class);
    }

    @Override
    public SetVoucherProcessor read(CompactReader in) {
      return new SetVoucherProcessor(in.readString("code"), instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, SetVoucherProcessor processor) {
      out.writeString("code", processor.code());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
