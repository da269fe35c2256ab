package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.StockEffect;
import dev.gridcommerce.grid.support.NamedSerializer;

/**
 * Marks an order's pending stock change as applied, if it is still the one named (and, with an
 * {@code appliedAtSeq} of 0 or more, the order has had no event since it was applied: a shortfall
 * can be asked for again by a later short line); a newer one is left pending. See {@link
 * OrderUpdate}.
 */
record SettleOrderProcessor(StockEffect applied, long appliedAtSeq) implements OrderUpdate {

  /** Settles the named change whenever it was asked for. */
  SettleOrderProcessor(StockEffect applied) {
    this(applied, -1);
  }

  @Override
  public Order apply(Order order) {
    boolean same = appliedAtSeq < 0 || order.lastSeq() == appliedAtSeq;
    return order.pendingStock() == applied && applied != StockEffect.NONE && same
        ? order.settled()
        : order;
  }

  static final class Serializer extends NamedSerializer<SettleOrderProcessor> {

    Serializer() {
      super("commerce.SettleOrderProcessor", SettleOrderProcessor.class);
    }

    @Override
    public SettleOrderProcessor read(CompactReader in) {
      return new SettleOrderProcessor(
          StockEffect.valueOf(in.readString("applied")),
          in.getFieldKind("appliedAtSeq") == FieldKind.INT64 ? in.readInt64("appliedAtSeq") : -1);
    }

    @Override
    public void write(CompactWriter out, SettleOrderProcessor processor) {
      out.writeString("applied", processor.applied().name());
      out.writeInt64("appliedAtSeq", processor.appliedAtSeq());
    }
  }
}
