package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.ArrayList;
import java.util.List;

/** The Compact serializers of the inventory's keys, values, processors and their answers. */
final class InventorySerializers {

  private InventorySerializers() {}

  static List<CompactSerializer<?>> all() {
    List<CompactSerializer<?>> all =
        new ArrayList<>(
            List.of(
                new StockKeySerializer(),
                new HoldSerializer(),
                new StockMovementSerializer(),
                new StockSerializer(),
                new HoldStockProcessor.Serializer(),
                new HoldCartProcessor.Serializer(),
                new MoveHeldProcessor.Serializer(),
                new ReleaseHoldProcessor.Serializer(),
                new SellProcessor.Serializer(),
                new KeepSoldProcessor.Serializer(),
                new ReturnDeliveredProcessor.Serializer(),
                new ReturnSoldProcessor.Serializer(),
                new DispatchProcessor.Serializer(),
                new AdjustStockProcessor.Serializer(),
                new CountStockProcessor.Serializer(),
                new FindExpiredHoldsProcessor.Serializer(),
                new ReadLevelsProcessor.Serializer()));
    all.addAll(StockOutcomeSerializers.all());
    all.addAll(StockAnswerSerializers.all());
    return all;
  }
}
