package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Removes every line of the cart, keeping the chosen store; answers the cart. With {@code
 * unchangedSince}, only a cart last changed at that moment is emptied (it is still the cart the
 * caller looked at); any other is left as it is.
 */
record EmptyCartProcessor(Instant now, Instant unchangedSince) implements CartProcessor {

  EmptyCartProcessor(Instant now) {
    this(now, null);
  }

  @Override
  public Cart apply(Cart cart) {
    return unchangedSince == null || cart.updatedAt().equals(unchangedSince)
        ? cart.emptied(now)
        : cart;
  }

  static final class Serializer extends NamedSerializer<EmptyCartProcessor> {

    Serializer() {
      super("commerce.EmptyCartProcessor", EmptyCartProcessor.class);
    }

    @Override
    public EmptyCartProcessor read(CompactReader in) {
      long unchangedSince = in.readInt64("unchangedSince");
      return new EmptyCartProcessor(
          instant(in.readInt64("now")), unchangedSince < 0 ? null : instant(unchangedSince));
    }

    @Override
    public void write(CompactWriter out, EmptyCartProcessor processor) {
      out.writeInt64("now", millis(processor.now()));
      out.writeInt64(
          "unchangedSince",
          processor.unchangedSince() == null ? -1 : millis(processor.unchangedSince()));
    }
  }
}
