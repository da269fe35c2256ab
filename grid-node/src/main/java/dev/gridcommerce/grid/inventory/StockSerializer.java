package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.grid.serialization.NamedSerializer;
import java.util.List;

final class StockSerializer extends NamedSerializer<Stock> {

  StockSerializer() {
    super("commerce.Stock", Stock.class);
  }

  @Override
  public Stock read(CompactReader in) {
    return new Stock(
        in.readInt32("onHand"),
        List.of(in.readArrayOfCompact("holds", Hold.class)),
        in.readInt64("version"));
  }

  @Override
  public void write(CompactWriter out, Stock stock) {
    out.writeInt32("onHand", stock.onHand());
    out.writeArrayOfCompact("holds", stock.holds().toArray(Hold[]::new));
    out.writeInt64("version", stock.version());
  }
}
