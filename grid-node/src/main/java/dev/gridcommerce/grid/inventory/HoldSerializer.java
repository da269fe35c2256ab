package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.grid.support.NamedSerializer;

final class HoldSerializer extends NamedSerializer<Hold> {

  HoldSerializer() {
    super("commerce.Hold", Hold.class);
  }

  @Override
  public Hold read(CompactReader in) {
    return new Hold(
        in.readString("orderId"),
        in.readInt32("quantity"),
        instant(in.readInt64("expiresAt")),
        Hold.State.valueOf(in.readString("state")));
  }

  @Override
  public void write(CompactWriter out, Hold hold) {
    out.writeString("orderId", hold.orderId());
    out.writeInt32("quantity", hold.quantity());
    out.writeInt64("expiresAt", millis(hold.expiresAt()));
    out.writeString("state", hold.state().name());
  }
}
