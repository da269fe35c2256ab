package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Sets the quantity of one product in a shopper's cart (0 removes the line), and its substitution
 * preference ({@link Substitution#encoded}; null keeps the line's), and answers the cart. Runs on
 * the partition thread owning the cart, so concurrent changes from two devices both land; the
 * backup runs the same processor with the same time.
 */
record SetCartLineProcessor(String sku, int quantity, String substitution, Instant now)
    implements CartProcessor {

  @Override
  public Cart apply(Cart cart) {
    return cart.withLine(
        sku, quantity, substitution == null ? null : Substitution.decode(substitution), now);
  }

  static final class Serializer extends NamedSerializer<SetCartLineProcessor> {

    Serializer() {
      super("commerce.SetCartLineProcessor", SetCartLineProcessor.class);
    }

    @Override
    public SetCartLineProcessor read(CompactReader in) {
      return new SetCartLineProcessor(
          in.readString("sku"),
          in.readInt32("quantity"),
          in.readString("substitution"),
          instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, SetCartLineProcessor processor) {
      out.writeString("sku", processor.sku());
      out.writeInt32("quantity", processor.quantity());
      out.writeString("substitution", processor.substitution());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
