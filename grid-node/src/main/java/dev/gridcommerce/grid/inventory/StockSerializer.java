package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.grid.support.NamedSerializer;
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
        List.of(in.readArrayOfCompact("movements", StockMovement.class)),
        in.readInt64("version"),
        in.readInt64("onHandVersion"));
  }

  @Override
  public void write(CompactWriter out, Stock stock) {
    out.writeInt32("onHand", stock.onHand());
    out.writeArrayOfCompact("holds", stock.holds().toArray(Hold[]::new));
    out.writeArrayOfCompact("movements", stock.movements().toArray(StockMovement[]::new));
    out.writeInt64("version", stock.version());
    out.writeInt64("onHandVersion", stock.onHandVersion());
  }
}
