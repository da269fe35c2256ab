package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.NamedSerializer;

/** What an order processor came to, and the order as it is now (null when there is no order). */
public record OrderChange(Verdict verdict, Order order) {

  public enum Verdict {
    /** The order changed. */
    CHANGED,
    /** The order already was as asked; nothing changed. */
    UNCHANGED,
    /** The state machine does not allow the move from where the order is. */
    ILLEGAL,
    /** The order's last stock change is still being applied; retry shortly. */
    PENDING,
    /** No order has that id. */
    MISSING
  }

  public boolean changed() {
    return verdict == Verdict.CHANGED;
  }

  static final class Serializer extends NamedSerializer<OrderChange> {

    Serializer() {
      super("commerce.OrderChange", OrderChange.class);
    }

    @Override
    public OrderChange read(CompactReader in) {
      return new OrderChange(Verdict.valueOf(in.readString("verdict")), in.readCompact("order"));
    }

    @Override
    public void write(CompactWriter out, OrderChange change) {
      out.writeString("verdict", change.verdict().name());
      out.writeCompact("order", change.order());
    }
  }
}
