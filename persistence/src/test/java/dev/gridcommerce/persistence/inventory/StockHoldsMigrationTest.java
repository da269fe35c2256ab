package dev.gridcommerce.persistence.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.inventory.Hold;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The V5 migration turns the holds kept as arrays in each stock row into a row each. */
class StockHoldsMigrationTest {

  private static final Instant EXPIRY = Instant.parse("2026-11-20T10:10:00Z");

  private TestDatabase db;

  @BeforeEach
  void databaseWithHoldArrays() {
    db = TestDatabase.createAt("4");
    db.execute(
        """
        INSERT INTO stock (store_id, sku, on_hand, reserved, sold, version, on_hand_version,
                           hold_order_ids, hold_quantities, hold_expires_at, hold_states)
        VALUES ('berlin-mitte', 'FRU-00001', 10, 5, 3, 7, 2,
                '{order-a,order-b}', '{2,3}',
                '{"2026-11-20 10:10:00+00","2026-11-20 10:10:00+00"}', '{HELD,SOLD}'),
               ('berlin-mitte', 'DAI-00002', 4, 0, 0, 1, 1, '{}', '{}', '{}', '{}');
        """);
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void everyHoldBecomesARowAndTheStockLoadsAsBefore() {
    Database database = db.migrate();
    InventoryMapStore inventory = new InventoryMapStore(database);

    Stock held = inventory.load(new StockKey("berlin-mitte", "FRU-00001"));
    Stock none = inventory.load(new StockKey("berlin-mitte", "DAI-00002"));

    assertThat(held.holds())
        .containsExactlyInAnyOrder(
            Hold.held("order-a", 2, EXPIRY), new Hold("order-b", 3, EXPIRY, Hold.State.SOLD));
    assertThat(held.levels().reserved()).isEqualTo(5);
    assertThat(held.sold()).isEqualTo(3);
    assertThat(held.version()).isEqualTo(7);
    assertThat(none.holds()).isEmpty();
    assertThat(none.onHand()).isEqualTo(4);
  }
}
