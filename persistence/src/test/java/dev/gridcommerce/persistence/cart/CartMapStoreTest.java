package dev.gridcommerce.persistence.cart;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.persistence.MapStoreContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartMapStoreTest extends MapStoreContract<String, Cart> {

  CartMapStoreTest() {
    super(CartMapStore::new, "carts");
  }

  @Override
  protected Map.Entry<String, Cart> sample(int n) {
    return Map.entry(
        "shopper-" + n,
        aCart()
            .atStore("berlin-mitte")
            .with("FRU-%05d".formatted(n), 2)
            .with("DAI-00001", 1)
            .build());
  }

  @Test
  void emptyCartWithoutStoreRoundTrips() {
    store.store("shopper-empty", aCart().build());

    assertThat(store.load("shopper-empty")).isEqualTo(aCart().build());
  }

  @Test
  void noCartIsLoadedWhenAMemberStarts() {
    store.storeAll(sampleEntries(2));

    assertThat(store.loadAllKeys()).isNull();
  }
}
