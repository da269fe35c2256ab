package dev.gridcommerce.grid.cart;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.cart.CartLine;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/** The Compact serializers of carts and of the processors that change them. */
final class CartSerializers {

  private CartSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        new CartLineSerializer(),
        new CartSerializer(),
        new SetCartLineProcessor.Serializer(),
        new ChooseStoreProcessor.Serializer(),
        new EmptyCartProcessor.Serializer(),
        new SetVoucherProcessor.Serializer());
  }

  static final class CartLineSerializer extends NamedSerializer<CartLine> {

    CartLineSerializer() {
      super("commerce.CartLine", CartLine.class);
    }

    @Override
    public CartLine read(CompactReader in) {
      // lines written before substitutions existed read as the best match
      String substitution =
          in.getFieldKind("substitution") == FieldKind.STRING
              ? in.readString("substitution")
              : null;
      return new CartLine(
          in.readString("sku"), in.readInt32("quantity"), Substitution.decode(substitution));
    }

    @Override
    public void write(CompactWriter out, CartLine line) {
      out.writeString("sku", line.sku());
      out.writeInt32("quantity", line.quantity());
      out.writeString("substitution", line.substitution().encoded());
    }
  }

  static final class CartSerializer extends NamedSerializer<Cart> {

    CartSerializer() {
      super("commerce.Cart", Cart.class);
    }

    @Override
    public Cart read(CompactReader in) {
      return new Cart(
          in.readString("storeId"),
          List.of(in.readArrayOfCompact("lines", CartLine.class)),
          in.readString("voucherCode"),
          instant(in.readInt64("updatedAt")));
    }

    @Override
    public void write(CompactWriter out, Cart cart) {
      out.writeString("storeId", cart.storeId());
      out.writeArrayOfCompact("lines", cart.lines().toArray(CartLine[]::new));
      out.writeString("voucherCode", cart.voucherCode());
      out.writeInt64("updatedAt", millis(cart.updatedAt()));
    }
  }
}
