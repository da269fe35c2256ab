package dev.gridcommerce.grid.fulfilment;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.Map;

/**
 * Puts one product at a location of a store's layout (zone null: takes it off), on the layout's
 * key; answers the layout after.
 */
record PlaceProductProcessor(String storeId, String sku, ShelfLocation location)
    implements EntryProcessor<String, StoreLayout, StoreLayout> {

  @Override
  public StoreLayout process(Map.Entry<String, StoreLayout> entry) {
    StoreLayout current = entry.getValue() == null ? StoreLayout.empty(storeId) : entry.getValue();
    StoreLayout next = current.with(sku, location);
    entry.setValue(next);
    return next;
  }

  static final class Serializer extends NamedSerializer<PlaceProductProcessor> {

    Serializer() {
      super("commerce.PlaceProductProcessor", PlaceProductProcessor.class);
    }

    @Override
    public PlaceProductProcessor read(CompactReader in) {
      String zone = in.readString("zone");
      return new PlaceProductProcessor(
          in.readString("storeId"),
          in.readString("sku"),
          zone == null
              ? null
              : new ShelfLocation(zone, in.readInt32("aisle"), in.readInt32("shelf")));
    }

    @Override
    public void write(CompactWriter out, PlaceProductProcessor processor) {
      ShelfLocation location = processor.location();
      out.writeString("storeId", processor.storeId());
      out.writeString("sku", processor.sku());
      out.writeString("zone", location == null ? null : location.zone());
      out.writeInt32("aisle", location == null ? 0 : location.aisle());
      out.writeInt32("shelf", location == null ? 0 : location.shelf());
    }
  }
}
