package dev.gridcommerce.grid.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.HoldOutcome;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldStockProcessorTest {

  private static final StockKey KEY = new StockKey("berlin-mitte", "FRU-00001");
  private static final Instant EXPIRY = Instant.parse("2026-11-21T12:10:00Z");

  @Test
  void holdsAvailableUnitsAndWritesTheNewStock() {
    Map.Entry<StockKey, Stock> entry = new SimpleEntry<>(KEY, Stock.of(3));

    HoldOutcome outcome = new HoldStockProcessor("o1", 2, EXPIRY).process(entry);

    assertThat(outcome).isEqualTo(new HoldOutcome.Held(2));
    assertThat(entry.getValue().available()).isEqualTo(1);
    assertThat(entry.getValue().holdOf("o1")).isPresent();
  }

  @Test
  void shortRequestLeavesTheEntryUntouched() {
    Stock stock = Stock.of(1);
    Map.Entry<StockKey, Stock> entry = new SimpleEntry<>(KEY, stock);

    HoldOutcome outcome = new HoldStockProcessor("o1", 2, EXPIRY).process(entry);

    assertThat(outcome).isEqualTo(new HoldOutcome.ShortOf(2, 1));
    assertThat(entry.getValue()).isSameAs(stock);
  }

  @Test
  void unknownStockIsShortOfEveryUnitAndCreatesNoEntry() {
    Map.Entry<StockKey, Stock> entry = new SimpleEntry<>(KEY, null);

    HoldOutcome outcome = new HoldStockProcessor("o1", 1, EXPIRY).process(entry);

    assertThat(outcome).isEqualTo(new HoldOutcome.ShortOf(1, 0));
    assertThat(entry.getValue()).isNull();
  }

  @Test
  void replayedHoldOfTheSameOrderHoldsOnce() {
    Map.Entry<StockKey, Stock> entry = new SimpleEntry<>(KEY, Stock.of(5));
    HoldStockProcessor hold = new HoldStockProcessor("o1", 2, EXPIRY);

    hold.process(entry);
    HoldOutcome replay = hold.process(entry);

    assertThat(replay).isEqualTo(new HoldOutcome.Held(2));
    assertThat(entry.getValue().reserved()).isEqualTo(2);
  }

  @Test
  void releaseReturnsTheOrdersUnitsOnceAndSaysHowMany() {
    Map.Entry<StockKey, Stock> entry = new SimpleEntry<>(KEY, Stock.of(5));
    new HoldStockProcessor("o1", 2, EXPIRY).process(entry);
    ReleaseHoldProcessor release = new ReleaseHoldProcessor("o1");

    assertThat(release.process(entry)).isEqualTo(2);
    assertThat(release.process(entry)).isZero();
    assertThat(entry.getValue().available()).isEqualTo(5);
  }
}
