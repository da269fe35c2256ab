package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.StockOutcome.BelowReserved;
import dev.gridcommerce.domain.inventory.StockOutcome.Done;
import dev.gridcommerce.domain.inventory.StockOutcome.ShortOf;
import dev.gridcommerce.domain.inventory.StockOutcome.VersionConflict;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/** Serializers of the answers a stock change can get, sent from the owning member to the caller. */
final class StockOutcomeSerializers {

  private StockOutcomeSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        new DoneSerializer(),
        new ShortOfSerializer(),
        new VersionConflictSerializer(),
        new BelowReservedSerializer());
  }

  static final class DoneSerializer extends NamedSerializer<Done> {

    DoneSerializer() {
      super("commerce.StockOutcome.Done", Done.class);
    }

    @Override
    public Done read(CompactReader in) {
      return new Done(in.readInt32("units"));
    }

    @Override
    public void write(CompactWriter out, Done done) {
      out.writeInt32("units", done.units());
    }
  }

  static final class ShortOfSerializer extends NamedSerializer<ShortOf> {

    ShortOfSerializer() {
      super("commerce.StockOutcome.ShortOf", ShortOf.class);
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

  static final class VersionConflictSerializer extends NamedSerializer<VersionConflict> {

    VersionConflictSerializer() {
      super("commerce.StockOutcome.VersionConflict", VersionConflict.class);
    }

    @Override
    public VersionConflict read(CompactReader in) {
      return new VersionConflict(in.readInt64("expectedVersion"), in.readInt64("currentVersion"));
    }

    @Override
    public void write(CompactWriter out, VersionConflict conflict) {
      out.writeInt64("expectedVersion", conflict.expectedVersion());
      out.writeInt64("currentVersion", conflict.currentVersion());
    }
  }

  static final class BelowReservedSerializer extends NamedSerializer<BelowReserved> {

    BelowReservedSerializer() {
      super("commerce.StockOutcome.BelowReserved", BelowReserved.class);
    }

    @Override
    public BelowReserved read(CompactReader in) {
      return new BelowReserved(in.readInt32("counted"), in.readInt32("reserved"));
    }

    @Override
    public void write(CompactWriter out, BelowReserved below) {
      out.writeInt32("counted", below.counted());
      out.writeInt32("reserved", below.reserved());
    }
  }
}
