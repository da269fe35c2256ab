package dev.gridcommerce.persistence.cart;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.MapStoreContract;
import dev.gridcommerce.persistence.PostgresMapStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartMapStoreTest extends MapStoreContract<String, Cart> {

  private int next;

  @Override
  protected PostgresMapStore<String, Cart> storeOver(Database database) {
    return new CartMapStore(database);
  }

  @Override
  protected Map<String, Cart> sampleEntries(int count) {
    Map<String, Cart> sample = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int n = next++;
      sample.put(
          "shopper-" + n,
          aCart()
              .atStore("berlin-mitte")
              .with("FRU-%05d".formatted(n), 2)
              .with("DAI-00001", 1)
              .build());
    }
    return sample;
  }

  @Override
  protected String countSql() {
    return "SELECT count(*) FROM carts";
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
