package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/** Removes every line of the cart, keeping the chosen store; answers the cart. */
record EmptyCartProcessor(Instant now) implements CartProcessor {

  @Override
  public Cart apply(Cart cart) {
    return cart.emptied(now);
  }

  static final class Serializer extends NamedSerializer<EmptyCartProcessor> {

    Serializer() {
      super("commerce.EmptyCartProcessor", EmptyCartProcessor.class);
    }

    @Override
    public EmptyCartProcessor read(CompactReader in) {
      return new EmptyCartProcessor(instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, EmptyCartProcessor processor) {
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
