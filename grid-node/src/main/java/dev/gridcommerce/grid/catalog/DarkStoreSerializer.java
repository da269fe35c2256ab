package dev.gridcommerce.grid.catalog;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.grid.support.NamedSerializer;

final class DarkStoreSerializer extends NamedSerializer<DarkStore> {

  DarkStoreSerializer() {
    super("commerce.DarkStore", DarkStore.class);
  }

  @Override
  public DarkStore read(CompactReader in) {
    return new DarkStore(
        in.readString("id"),
        in.readString("name"),
        new GeoPoint(in.readFloat64("lat"), in.readFloat64("lon")),
        in.readFloat64("deliveryRadiusKm"),
        in.readBoolean("reserveOnAddToCart"),
        in.readString("currency"));
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
  }
}
