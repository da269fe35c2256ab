package dev.gridcommerce.grid.catalog;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.DeliveryTerms;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.grid.support.NamedSerializer;

final class DarkStoreSerializer extends NamedSerializer<DarkStore> {

  DarkStoreSerializer() {
    super("commerce.DarkStore", DarkStore.class);
  }

  @Override
  public DarkStore read(CompactReader in) {
    String currency = in.readString("currency");
    return new DarkStore(
        in.readString("id"),
        in.readString("name"),
        new GeoPoint(in.readFloat64("lat"), in.readFloat64("lon")),
        in.readFloat64("deliveryRadiusKm"),
        in.readBoolean("reserveOnAddToCart"),
        currency,
        in.readString("country"),
        new DeliveryTerms(
            Money.of(in.readInt64("deliveryFeeMinor"), currency),
            in.readBoolean("freeDelivery")
                ? Money.of(in.readInt64("freeDeliveryFromMinor"), currency)
                : null,
            Money.of(in.readInt64("minimumBasketMinor"), currency),
            Money.of(in.readInt64("smallBasketFeeMinor"), currency)));
  }

  @Override
  public void write(CompactWriter out, DarkStore store) {
    out.writeString("id", store.id());
    out.writeString("name", store.name());
    out.writeFloat64("lat", store.location().lat());
    out.writeFloat64("lon", store.location().lon());
    out.writeFloat64("deliveryRadiusKm", store.deliveryRadiusKm());
    out.writeBoolean("reserveOnAddToCart", store.reserveOnAddToCart());
    out.writeString("currency", store.currency());
    out.writeString("country", store.country());
    DeliveryTerms terms = store.deliveryTerms();
    out.writeInt64("deliveryFeeMinor", terms.fee().amountMinor());
    out.writeBoolean("freeDelivery", terms.freeFrom() != null);
    out.writeInt64(
        "freeDeliveryFromMinor", terms.freeFrom() == null ? 0 : terms.freeFrom().amountMinor());
    out.writeInt64("minimumBasketMinor", terms.minimumBasket().amountMinor());
    out.writeInt64("smallBasketFeeMinor", terms.smallBasketFee().amountMinor());
  }
}
