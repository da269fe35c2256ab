package dev.gridcommerce.grid.fulfilment;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.grid.support.NamedSerializer;

/** Whether a store is open, and its pickers on shift. */
final class StoreShiftSerializer extends NamedSerializer<StoreShift> {

  StoreShiftSerializer() {
    super("commerce.StoreShift", StoreShift.class);
  }

  @Override
  public StoreShift read(CompactReader in) {
    return new StoreShift(
        in.readString("storeId"), in.readBoolean("open"), in.readInt32("pickers"));
  }

  @Override
  public void write(CompactWriter out, StoreShift shift) {
    out.writeString("storeId", shift.storeId());
    out.writeBoolean("open", shift.open());
    out.writeInt32("pickers", shift.pickers());
  }
}
