package dev.gridcommerce.persistence.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryMapStoreTest extends MapStoreContract<StockKey, Stock> {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00.123Z");
  private static final Instant EXPIRY = NOW.plusSeconds(600);

  InventoryMapStoreTest() {
    super(InventoryMapStore::new, "stock");
  }

  /** Stock that went through every kind of change: delivery, holds, a sale, a stocktake. */
  @Override
  protected Map.Entry<StockKey, Stock> sample(int n) {
    Stock stock =
        Stock.of(0)
            .adjust("delivery-" + n, 20 + n, MovementReason.DELIVERY, "pallet " + n, "staff-1", NOW)
            .stock()
            .hold("order-a" + n, 2, EXPIRY)
            .stock()
            .hold("order-b" + n, 3, EXPIRY.plusSeconds(60))
            .stock()
            .sell("order-b" + n, 3)
            .stock()
            .count("count-" + n, 19 + n, 1, "aisle 4", "staff-2", NOW.plusSeconds(5))
            .stock();
    return Map.entry(new StockKey("store-" + (n % 3), "SKU-%05d".formatted(n)), stock);
  }

  private long ledgerRows(StockKey key) {
    return db.database()
        .jdbc()
        .queryForObject(
            "SELECT count(*) FROM stock_movements WHERE store_id = ? AND sku = ?",
            Long.class,
            key.storeId(),
            key.sku());
  }

  @Test
  void stockWithoutHoldsOrMovementsRoundTrips() {
    StockKey key = new StockKey("store-x", "SKU-EMPTY");

    store.store(key, Stock.of(0));

    assertThat(store.load(key)).isEqualTo(Stock.of(0));
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() {
    StockKey key = new StockKey("store-x", "SKU-VERSIONED");
    Stock newer = new Stock(10, List.of(), List.of(), 5, 0);
    Stock older = new Stock(99, List.of(), List.of(), 3, 0);

    store.store(key, newer);
    store.store(key, older);

    assertThat(store.load(key)).isEqualTo(newer);
  }

  @Test
  void everyMovementIsALedgerRowOnceInTheOrderItHappened() {
    Map.Entry<StockKey, Stock> entry = sample(1_000);
    StockKey key = entry.getKey();

    store.store(key, entry.getValue());
    store.store(key, entry.getValue());

    assertThat(ledgerRows(key)).isEqualTo(2);
    List<String> ids =
        db.database()
            .jdbc()
            .queryForList(
                "SELECT id FROM stock_movements WHERE store_id = ? AND sku = ? ORDER BY seq",
                String.class,
                key.storeId(),
                key.sku());
    assertThat(ids).containsExactly("delivery-1000", "count-1000");
  }

  @Test
  void movementsBeyondThoseKeptInTheGridStayInTheLedger() {
    StockKey key = new StockKey("store-x", "SKU-BUSY");
    Stock stock = Stock.of(0);
    for (int i = 0; i < Stock.MOVEMENTS_KEPT; i++) {
      stock = stock.adjust("early-" + i, 1, MovementReason.DELIVERY, "", "s", NOW).stock();
    }
    store.store(key, stock);
    for (int i = 0; i < 10; i++) {
      stock = stock.adjust("late-" + i, 1, MovementReason.DELIVERY, "", "s", NOW).stock();
    }
    store.store(key, stock);

    assertThat(ledgerRows(key)).isEqualTo(Stock.MOVEMENTS_KEPT + 10);
    assertThat(store.load(key)).isEqualTo(stock);
  }

  @Test
  void reservedAndSoldColumnsFollowTheHolds() {
    Map.Entry<StockKey, Stock> entry = sample(2_000);
    store.store(entry.getKey(), entry.getValue());

    Map<String, Object> row =
        db.database()
            .jdbc()
            .queryForMap(
                "SELECT reserved, sold FROM stock WHERE store_id = ? AND sku = ?",
                entry.getKey().storeId(),
                entry.getKey().sku());

    assertThat(row).containsEntry("reserved", 5).containsEntry("sold", 3);
    assertThat(entry.getValue().holdOf("order-b2000")).map(Hold::isSold).contains(true);
  }

  @Test
  void everyStoredKeyIsListedForTheEagerLoad() {
    Map<StockKey, Stock> entries = sampleEntries(4);
    store.storeAll(entries);

    assertThat(store.loadAllKeys()).containsAll(entries.keySet());
  }

  /** Marks every stored hold row of the key, so a test can tell which rows a store rewrote. */
  private void markHoldRows(StockKey key) {
    db.database()
        .jdbc()
        .update(
            "UPDATE stock_holds SET expires_at = 'epoch' WHERE store_id = ? AND sku = ?",
            key.storeId(),
            key.sku());
  }

  private List<String> markedHolders(StockKey key) {
    return db.database()
        .jdbc()
        .queryForList(
            "SELECT holder_id FROM stock_holds WHERE store_id = ? AND sku = ?"
                + " AND expires_at = 'epoch' ORDER BY holder_id",
            String.class,
            key.storeId(),
            key.sku());
  }

  private static Stock holding(int holds) {
    Stock stock = Stock.of(holds + 5);
    for (int i = 0; i < holds; i++) {
      stock = stock.hold("order-%04d".formatted(i), 1, EXPIRY).stock();
    }
    return stock;
  }

  @Test
  void aLaterStoreWritesOnlyTheHoldsThatChangedSinceTheLastOne() {
    StockKey key = new StockKey("store-x", "SKU-HOT");
    Stock stored = holding(1_000);
    store.store(key, stored);
    markHoldRows(key);

    Stock changed =
        stored
            .hold("order-new", 2, EXPIRY)
            .stock()
            .release("order-0001")
            .stock()
            .sell("order-0002", 1)
            .stock();
    store.store(key, changed);

    List<String> untouched = markedHolders(key);
    assertThat(untouched).hasSize(998).doesNotContain("order-0001", "order-0002", "order-new");
    Stock loaded = store.load(key);
    assertThat(loaded.holds()).hasSize(1_000);
    assertThat(loaded.levels()).isEqualTo(changed.levels());
    for (String holder : List.of("order-0001", "order-0002", "order-new")) {
      assertThat(loaded.holdOf(holder)).as(holder).isEqualTo(changed.holdOf(holder));
    }
  }

  @Test
  void aStoreThatDidNotWriteTheStoredVersionWritesTheHoldsWhole() {
    StockKey key = new StockKey("store-x", "SKU-MIGRATED");
    Stock stored = holding(10);
    store.store(key, stored);
    markHoldRows(key);
    Stock changed = stored.release("order-0003").stock();

    // another member's store (after the partition moved): it knows nothing of the stored version
    new InventoryMapStore(db.database()).store(key, changed);

    assertThat(markedHolders(key)).isEmpty();
    assertThat(store.load(key)).isEqualTo(changed);
  }

  @Test
  void aStoreWhoseWriteWasOvertakenByAnotherWritesTheHoldsWhole() {
    StockKey key = new StockKey("store-x", "SKU-OVERTAKEN");
    Stock stored = holding(10);
    store.store(key, stored);
    Stock elsewhere = stored.release("order-0004").stock().release("order-0005").stock();
    new InventoryMapStore(db.database()).store(key, elsewhere); // the row moved on meanwhile
    markHoldRows(key);

    Stock later = elsewhere.hold("order-late", 1, EXPIRY).stock();
    store.store(key, later);

    assertThat(markedHolders(key)).isEmpty();
    assertThat(store.load(key)).isEqualTo(later);
  }
}
