package dev.gridcommerce.grid.fulfilment;

import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.Map;
import java.util.stream.Stream;

class FulfilmentSerializationTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    return Stream.of(
        new StoreLayout("berlin-mitte", Map.of("FRU-00001", new ShelfLocation("A", 2, 3))),
        StoreLayout.empty("berlin-mitte"),
        new PlaceProductProcessor("berlin-mitte", "FRU-00001", new ShelfLocation("B", 1, 1)),
        new PlaceProductProcessor("berlin-mitte", "FRU-00001", null),
        new dev.gridcommerce.domain.fulfilment.StoreShift("berlin-mitte", false, 3));
  }
}
