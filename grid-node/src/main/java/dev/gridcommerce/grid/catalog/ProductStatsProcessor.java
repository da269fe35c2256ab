package dev.gridcommerce.grid.catalog;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.Map;

/**
 * Adds units sold ({@code soldDelta}, negative for units given back) and, when {@code
 * ratingsVersion} is above zero, sets the ratings counted from that version of the product's
 * reviews unless newer ones are there already. Runs on the partition thread owning the product's
 * stats, so concurrent sales all add up; the backup runs the same processor.
 */
record ProductStatsProcessor(long soldDelta, int ratingCount, long ratingTotal, long ratingsVersion)
    implements EntryProcessor<String, ProductStats, Void> {

  @Override
  public Void process(Map.Entry<String, ProductStats> entry) {
    ProductStats stats = entry.getValue() == null ? ProductStats.NONE : entry.getValue();
    ProductStats next = stats.sold(soldDelta);
    if (ratingsVersion > 0) {
      next = next.rated(ratingCount, ratingTotal, ratingsVersion);
    }
    if (!next.equals(stats)) {
      entry.setValue(next);
    }
    return null;
  }

  static final class Serializer extends NamedSerializer<ProductStatsProcessor> {

    Serializer() {
      super("commerce.ProductStatsProcessor", ProductStatsProcessor.class);
    }

    @Override
    public ProductStatsProcessor read(CompactReader in) {
      return new ProductStatsProcessor(
          in.readInt64("soldDelta"),
          in.readInt32("ratingCount"),
          in.readInt64("ratingTotal"),
          in.readInt64("ratingsVersion"));
    }

    @Override
    public void write(CompactWriter out, ProductStatsProcessor processor) {
      out.writeInt64("soldDelta", processor.soldDelta());
      out.writeInt32("ratingCount", processor.ratingCount());
      out.writeInt64("ratingTotal", processor.ratingTotal());
      out.writeInt64("ratingsVersion", processor.ratingsVersion());
    }
  }

  static final class StatsSerializer extends NamedSerializer<ProductStats> {

    StatsSerializer() {
      super("commerce.ProductStats", ProductStats.class);
    }

    @Override
    public ProductStats read(CompactReader in) {
      return new ProductStats(
          in.readInt64("unitsSold"),
          in.readInt32("ratingCount"),
          in.readInt64("ratingTotal"),
          in.readInt64("ratingsVersion"));
    }

    @Override
    public void write(CompactWriter out, ProductStats stats) {
      out.writeInt64("unitsSold", stats.unitsSold());
      out.writeInt32("ratingCount", stats.ratingCount());
      out.writeInt64("ratingTotal", stats.ratingTotal());
      out.writeInt64("ratingsVersion", stats.ratingsVersion());
    }
  }
}
