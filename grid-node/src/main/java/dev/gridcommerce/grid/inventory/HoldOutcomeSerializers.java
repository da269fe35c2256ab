package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.HoldOutcome.Held;
import dev.gridcommerce.domain.inventory.HoldOutcome.ShortOf;
import dev.gridcommerce.grid.serialization.NamedSerializer;

/** Serializers of the two answers a hold can get, sent from the owning member to the caller. */
final class HoldOutcomeSerializers {

  private HoldOutcomeSerializers() {}

  static final class HeldSerializer extends NamedSerializer<Held> {

    HeldSerializer() {
      super("commerce.HoldOutcome.Held", Held.class);
    }

    @Override
    public Held read(CompactReader in) {
      return new Held(in.readInt32("quantity"));
    }

    @Override
    public void write(CompactWriter out, Held held) {
      out.writeInt32("quantity", held.quantity());
    }
  }

  static final class ShortOfSerializer extends NamedSerializer<ShortOf> {

    ShortOfSerializer() {
      super("commerce.HoldOutcome.ShortOf", ShortOf.class);
    }

    @Override
    public ShortOf read(CompactReader in) {
      return new ShortOf(in.readInt32("requested"), in.readInt32("available"));
    }

    @Override
    public void write(CompactWriter out, ShortOf shortOf) {
      out.writeInt32("requested", shortOf.requested());
      out.writeInt32("available", shortOf.available());
    }
  }
}
