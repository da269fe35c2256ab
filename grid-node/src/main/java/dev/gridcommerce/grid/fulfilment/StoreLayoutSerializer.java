package dev.gridcommerce.grid.fulfilment;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A store's layout as parallel arrays: sku, zone, aisle, shelf. */
final class StoreLayoutSerializer extends NamedSerializer<StoreLayout> {

  StoreLayoutSerializer() {
    super("commerce.StoreLayout", StoreLayout.class);
  }

  @Override
  public StoreLayout read(CompactReader in) {
    String[] skus = in.readArrayOfString("skus");
    String[] zones = in.readArrayOfString("zones");
    int[] aisles = in.readArrayOfInt32("aisles");
    int[] shelves = in.readArrayOfInt32("shelves");
    Map<String, ShelfLocation> locations = new HashMap<>();
    for (int i = 0; i < skus.length; i++) {
      locations.put(skus[i], new ShelfLocation(zones[i], aisles[i], shelves[i]));
    }
    return new StoreLayout(in.readString("storeId"), locations);
  }

  @Override
  public void write(CompactWriter out, StoreLayout layout) {
    List<String> skus = new ArrayList<>(layout.locations().keySet());
    List<ShelfLocation> at = skus.stream().map(layout.locations()::get).toList();
    out.writeString("storeId", layout.storeId());
    out.writeArrayOfString("skus", skus.toArray(String[]::new));
    out.writeArrayOfString("zones", at.stream().map(ShelfLocation::zone).toArray(String[]::new));
    out.writeArrayOfInt32("aisles", at.stream().mapToInt(ShelfLocation::aisle).toArray());
    out.writeArrayOfInt32("shelves", at.stream().mapToInt(ShelfLocation::shelf).toArray());
  }
}
