package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.grid.support.NamedSerializer;

final class StockMovementSerializer extends NamedSerializer<StockMovement> {

  StockMovementSerializer() {
    super("commerce.StockMovement", StockMovement.class);
  }

  @Override
  public StockMovement read(CompactReader in) {
    return new StockMovement(
        in.readString("id"),
        in.readInt32("delta"),
        MovementReason.valueOf(in.readString("reason")),
        in.readString("note"),
        in.readString("actor"),
        instant(in.readInt64("at")),
        in.readInt32("onHandAfter"));
  }

  @Override
  public void write(CompactWriter out, StockMovement movement) {
    out.writeString("id", movement.id());
    out.writeInt32("delta", movement.delta());
    out.writeString("reason", movement.reason().name());
    out.writeString("note", movement.note());
    out.writeString("actor", movement.actor());
    out.writeInt64("at", millis(movement.at()));
    out.writeInt32("onHandAfter", movement.onHandAfter());
  }
}
