package dev.gridcommerce.grid.account;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.account.StoreStaff;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/** Compact serializer of a store's staff emails. */
final class StoreStaffSerializer extends NamedSerializer<StoreStaff> {

  StoreStaffSerializer() {
    super("commerce.StoreStaff", StoreStaff.class);
  }

  @Override
  public StoreStaff read(CompactReader in) {
    return new StoreStaff(in.readString("storeId"), List.of(in.readArrayOfString("emails")));
  }

  @Override
  public void write(CompactWriter out, StoreStaff staff) {
    out.writeString("storeId", staff.storeId());
    out.writeArrayOfString("emails", staff.emails().toArray(String[]::new));
  }
}
