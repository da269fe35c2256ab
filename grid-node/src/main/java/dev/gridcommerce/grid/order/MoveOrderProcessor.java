package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.IllegalTransitionException;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * Moves an order to {@code to} if its state machine allows it, recording the stock change the move
 * asks for as pending and appending the move's event ({@code eventId}, with {@code note}). Asking
 * for the status the order already has changes nothing, so a retried request is harmless. With a
 * {@code shopperId} or {@code storeId}, only an order of that shopper or store is moved; any other
 * is answered as missing. See {@link OrderUpdate}.
 */
record MoveOrderProcessor(
    OrderStatus to, Instant now, String eventId, String note, String shopperId, String storeId)
    implements OrderUpdate {

  /** A move of any order (the grid's own: expiry, refunds, tests). */
  MoveOrderProcessor(OrderStatus to, Instant now, String eventId, String note) {
    this(to, now, eventId, note, null, null);
  }

  @Override
  public boolean concerns(Order order) {
    return (shopperId == null || shopperId.equals(order.shopperId()))
        && (storeId == null || storeId.equals(order.storeId()));
  }

  @Override
  public Order apply(Order order) {
    if (order.status() == to) {
      return order;
    }
    if (shopperId != null && to == OrderStatus.CANCELLED && !order.status().isCancellable()) {
      throw new IllegalTransitionException(order.status(), to);
    }
    return order.movedTo(to, now, eventId, note);
  }

  static final class Serializer extends NamedSerializer<MoveOrderProcessor> {

    Serializer() {
      super("commerce.MoveOrderProcessor", MoveOrderProcessor.class);
    }

    @Override
    public MoveOrderProcessor read(CompactReader in) {
      return new MoveOrderProcessor(
          OrderStatus.valueOf(in.readString("to")),
          instant(in.readInt64("now")),
          in.readString("eventId"),
          in.readString("note"),
          in.readString("shopperId"),
          in.readString("storeId"));
    }

    @Override
    public void write(CompactWriter out, MoveOrderProcessor processor) {
      out.writeString("to", processor.to().name());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
      out.writeString("note", processor.note());
      out.writeString("shopperId", processor.shopperId());
      out.writeString("storeId", processor.storeId());
    }
  }
}
