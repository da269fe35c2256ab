package dev.gridcommerce.grid.cart;

import static dev.gridcommerce.domain.fixtures.CartBuilder.aCart;

import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.stream.Stream;

class CartSerializationTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    return Stream.of(
        aCart().atStore("berlin-mitte").with("FRU-00001", 2).build(),
        aCart().build(),
        new SetCartLineProcessor("FRU-00001", 3, null, AT),
        new SetCartLineProcessor("FRU-00001", 3, "SPECIFIC:FRU-00002", AT),
        new ChooseStoreProcessor("berlin-mitte", AT),
        new EmptyCartProcessor(AT));
  }
}
