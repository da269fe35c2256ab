package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/** Makes the cart one of the given dark store's, keeping its lines; answers the cart. */
record ChooseStoreProcessor(String storeId, Instant now) implements CartProcessor {

  @Override
  public Cart apply(Cart cart) {
    return cart.atStore(storeId, now);
  }

  static final class Serializer extends NamedSerializer<ChooseStoreProcessor> {

    Serializer() {
      super("commerce.ChooseStoreProcessor", ChooseStoreProcessor.class);
    }

    @Override
    public ChooseStoreProcessor read(CompactReader in) {
      return new ChooseStoreProcessor(in.readString("storeId"), instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, ChooseStoreProcessor processor) {
      out.writeString("storeId", processor.storeId());
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
