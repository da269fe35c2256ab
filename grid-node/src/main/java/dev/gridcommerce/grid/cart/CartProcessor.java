package dev.gridcommerce.grid.cart;

import com.hazelcast.map.EntryProcessor;
import dev.gridcommerce.domain.cart.Cart;
import java.time.Instant;
import java.util.Map;

/**
 * An entry processor that changes one shopper's cart by a domain function and answers the new cart.
 * A shopper without a cart starts from an empty one made at the change's time.
 *
 * <p>Runs on the partition thread owning the cart; the backup replica runs the same change with the
 * same time, so both copies agree.
 */
interface CartProcessor extends EntryProcessor<String, Cart, Cart> {

  Instant now();

  Cart apply(Cart cart);

  @Override
  default Cart process(Map.Entry<String, Cart> entry) {
    Cart current = entry.getValue() == null ? Cart.empty(now()) : entry.getValue();
    Cart changed = apply(current);
    entry.setValue(changed);
    return changed;
  }
}
