package dev.gridcommerce.grid.catalog;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/** The Compact serializers of the catalog's grid types. */
final class CatalogSerializers {

  private CatalogSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        new ProductSerializer(),
        new DarkStoreSerializer(),
        new ProductStatsProcessor.Serializer(),
        new ProductStatsProcessor.StatsSerializer());
  }
}
