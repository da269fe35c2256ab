package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/** The Compact serializers of the inventory's keys, values, processors and their answers. */
public final class InventorySerializers {

  private InventorySerializers() {}

  public static List<CompactSerializer<?>> all() {
    return List.of(
        new StockKeySerializer(),
        new HoldSerializer(),
        new StockSerializer(),
        new HoldOutcomeSerializers.HeldSerializer(),
        new HoldOutcomeSerializers.ShortOfSerializer(),
        new HoldStockProcessor.Serializer(),
        new ReleaseHoldProcessor.Serializer());
  }
}
