package dev.gridcommerce.grid.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockLevels;
import dev.gridcommerce.domain.inventory.StockOutcome;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processors' plumbing around the domain rules (the rules themselves: StockTest). */
class StockProcessorsTest {

  private static final StockKey KEY = new StockKey("berlin-mitte", "FRU-00001");
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant EXPIRY = NOW.plusSeconds(600);

  private static Map.Entry<StockKey, Stock> entry(Stock stock) {
    return new SimpleEntry<>(KEY, stock);
  }

  @Test
  void aHoldWritesTheNewStockAndAnswersHowManyUnits() {
    Map.Entry<StockKey, Stock> entry = entry(Stock.of(3));

    StockOutcome outcome = new HoldStockProcessor("o1", 2, EXPIRY, null).process(entry);

    assertThat(outcome).isEqualTo(new StockOutcome.Done(2));
    assertThat(entry.getValue().available()).isEqualTo(1);
  }

  @Test
  void aRefusedChangeLeavesTheEntryUntouched() {
    Stock stock = Stock.of(1);
    Map.Entry<StockKey, Stock> entry = entry(stock);

    StockOutcome outcome = new HoldStockProcessor("o1", 2, EXPIRY, null).process(entry);

    assertThat(outcome).isEqualTo(new StockOutcome.ShortOf(2, 1));
    assertThat(entry.getValue()).isSameAs(stock);
  }

  @Test
  void unknownStockIsShortOfEveryUnitAndCreatesNoEntry() {
    Map.Entry<StockKey, Stock> entry = entry(null);

    assertThat(new HoldStockProcessor("o1", 1, EXPIRY, null).process(entry))
        .isEqualTo(new StockOutcome.ShortOf(1, 0));
    assertThat(new ReleaseHoldProcessor("o1").process(entry)).isEqualTo(new StockOutcome.Done(0));
    assertThat(entry.getValue()).isNull();
  }

  @Test
  void aDeliveryToAProductTheStoreNeverStockedCreatesTheEntry() {
    Map.Entry<StockKey, Stock> entry = entry(null);

    new AdjustStockProcessor("m1", 12, MovementReason.DELIVERY, "first pallet", "staff-1", NOW)
        .process(entry);

    assertThat(entry.getValue().onHand()).isEqualTo(12);
    assertThat(entry.getValue().movements()).hasSize(1);
  }

  @Test
  void aStaffChangeAnswersTheStockAsItLeftItAlsoWhenRefused() {
    Map.Entry<StockKey, Stock> entry = entry(Stock.of(5));

    StockAnswer received =
        new AdjustStockProcessor("m1", 3, MovementReason.DELIVERY, "", "staff-1", NOW)
            .process(entry);
    Stock afterReceipt = entry.getValue();
    StockAnswer stale = new CountStockProcessor("m2", 1, 0, "", "staff-1", NOW).process(entry);

    assertThat(received.outcome()).isEqualTo(new StockOutcome.Done(3));
    assertThat(received.levels()).isEqualTo(new StockLevels(8, 0, 0, 1));
    assertThat(stale.outcome()).isEqualTo(new StockOutcome.VersionConflict(0, 1));
    assertThat(stale.levels()).isEqualTo(afterReceipt.levels());
    assertThat(entry.getValue()).isSameAs(afterReceipt);
  }

  @Test
  void holdSellDispatchTakesTheUnitsOffTheShelfOnce() {
    Map.Entry<StockKey, Stock> entry = entry(Stock.of(5));
    new HoldStockProcessor("o1", 2, EXPIRY, null).process(entry);
    new SellProcessor("o1", 2).process(entry);
    new SellProcessor("o1", 2).process(entry);
    DispatchProcessor dispatch = new DispatchProcessor("o1", NOW);

    assertThat(dispatch.process(entry)).isEqualTo(new StockOutcome.Done(2));
    assertThat(dispatch.process(entry)).isEqualTo(new StockOutcome.Done(0));
    assertThat(entry.getValue().onHand()).isEqualTo(3);
    assertThat(entry.getValue().reserved()).isZero();
  }

  @Test
  void findExpiredHoldsAnswersNullWhenThereAreNone() {
    Map.Entry<StockKey, Stock> entry = entry(Stock.of(5));
    new HoldStockProcessor("o1", 1, EXPIRY, null).process(entry);
    new HoldStockProcessor("o2", 1, NOW, null).process(entry);

    assertThat(new FindExpiredHoldsProcessor(NOW.minusSeconds(1)).process(entry)).isNull();
    assertThat(new FindExpiredHoldsProcessor(NOW).process(entry)).containsExactly("o2");
  }
}
