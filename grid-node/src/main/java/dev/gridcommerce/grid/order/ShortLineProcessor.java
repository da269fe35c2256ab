package dev.gridcommerce.grid.order;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;

/**
 * A line of an order of the store reported short: {@code picked} units found, the rest replaced by
 * {@code replacement} (null: refunded) ({@link Order#lineShort}); an order of another store is
 * answered as missing. See {@link OrderUpdate}.
 */
record ShortLineProcessor(
    String storeId, String lineId, int picked, Replacement replacement, Instant now, String eventId)
    implements StoreOrderUpdate {

  @Override
  public Order apply(Order order) {
    return order.lineShort(lineId, picked, replacement, now, eventId);
  }

  static final class Serializer extends NamedSerializer<ShortLineProcessor> {

    Serializer() {
      super("commerce.ShortLineProcessor", ShortLineProcessor.class);
    }

    @Override
    public ShortLineProcessor read(CompactReader in) {
      String sku = in.readString("replacementSku");
      return new ShortLineProcessor(
          in.readString("storeId"),
          in.readString("lineId"),
          in.readInt32("picked"),
          sku == null
              ? null
              : new Replacement(
                  sku,
                  in.readString("replacementName"),
                  in.readInt32("replacementQuantity"),
                  Money.of(in.readInt64("replacementPriceMinor"), in.readString("currency"))),
          instant(in.readInt64("now")),
          in.readString("eventId"));
    }

    @Override
    public void write(CompactWriter out, ShortLineProcessor processor) {
      Replacement replacement = processor.replacement();
      out.writeString("storeId", processor.storeId());
      out.writeString("lineId", processor.lineId());
      out.writeInt32("picked", processor.picked());
      out.writeString("replacementSku", replacement == null ? null : replacement.sku());
      out.writeString("replacementName", replacement == null ? null : replacement.name());
      out.writeInt32("replacementQuantity", replacement == null ? 0 : replacement.quantity());
      out.writeInt64(
          "replacementPriceMinor", replacement == null ? 0 : replacement.unitPrice().amountMinor());
      out.writeString("currency", replacement == null ? null : replacement.unitPrice().currency());
      out.writeInt64("now", millis(processor.now()));
      out.writeString("eventId", processor.eventId());
    }
  }
}
