package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.NamedSerializer;

final class StockKeySerializer extends NamedSerializer<StockKey> {

  StockKeySerializer() {
    super("commerce.StockKey", StockKey.class);
  }

  @Override
  public StockKey read(CompactReader in) {
    return new StockKey(in.readString("storeId"), in.readString("sku"));
  }

  @Override
  public void write(CompactWriter out, StockKey key) {
    out.writeString("storeId", key.storeId());
    out.writeString("sku", key.sku());
  }
}
