package dev.gridcommerce.persistence.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryMapStoreTest extends MapStoreContract<StockKey, Stock> {

  private static final Instant EXPIRY = Instant.parse("2026-11-21T12:10:00.123Z");

  InventoryMapStoreTest() {
    super(InventoryMapStore::new, "stock");
  }

  @Override
  protected Map.Entry<StockKey, Stock> sample(int n) {
    Stock stock =
        new Stock(
            20 + n,
            List.of(
                new Hold("order-a" + n, 2, EXPIRY),
                new Hold("order-b" + n, 3, EXPIRY.plusSeconds(60))),
            7);
    return Map.entry(new StockKey("store-" + (n % 3), "SKU-%05d".formatted(n)), stock);
  }

  @Test
  void stockWithoutHoldsRoundTrips() {
    StockKey key = new StockKey("store-x", "SKU-EMPTY");

    store.store(key, Stock.of(0));

    assertThat(store.load(key)).isEqualTo(Stock.of(0));
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() {
    StockKey key = new StockKey("store-x", "SKU-VERSIONED");
    Stock newer = new Stock(10, List.of(), 5);
    Stock older = new Stock(99, List.of(), 3);

    store.store(key, newer);
    store.store(key, older);

    assertThat(store.load(key)).isEqualTo(newer);
  }

  @Test
  void reservedColumnIsTheSumOfTheHolds() {
    Map<StockKey, Stock> entries = sampleEntries(1);
    store.storeAll(entries);
    StockKey key = entries.keySet().iterator().next();

    Integer reserved =
        db.database()
            .jdbc()
            .queryForObject(
                "SELECT reserved FROM stock WHERE store_id = ? AND sku = ?",
                Integer.class,
                key.storeId(),
                key.sku());

    assertThat(reserved).isEqualTo(entries.get(key).reserved());
  }

  @Test
  void everyStoredKeyIsListedForTheEagerLoad() {
    Map<StockKey, Stock> entries = sampleEntries(4);
    store.storeAll(entries);

    assertThat(store.loadAllKeys()).containsAll(entries.keySet());
  }
}
