package dev.gridcommerce.grid.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.testing.TcpProxy;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for a while under writes, then comes back: the grid keeps serving and keeps
 * what it could not store; afterwards every write is in PostgreSQL, and none twice. A row
 * PostgreSQL refuses for good is parked while the rest keep flowing.
 */
class PostgresOutageTest {

  private static final String STORE = "outage-store";

  private TestDatabase db;
  private TcpProxy proxy;
  private Database viaProxy;
  private TestGrid grid;

  @BeforeEach
  void start() throws Exception {
    db = TestDatabase.create();
    URI server = URI.create(db.settings().url().substring("jdbc:".length()));
    proxy = new TcpProxy(server.getHost(), server.getPort());
    viaProxy = db.openVia("127.0.0.1", proxy.port());
    grid = TestGrid.persistingTo(viaProxy).writeDelay(1).start(2);
  }

  @AfterEach
  void stop() throws Exception {
    grid.close();
    viaProxy.close();
    proxy.close();
    db.close();
  }

  private long count(String sql) {
    return db.database().jdbc().queryForObject(sql, Long.class);
  }

  private long dirtyEntries(GridMaps maps) {
    return grid.members().stream()
        .mapToLong(member -> member.getMap("products").getLocalMapStats().getDirtyEntryCount())
        .sum();
  }

  private static Product product(int i, String name) {
    return new Product(
        "OUT-%05d".formatted(i), name, "Brand", "Category", "", Money.of(100 + i, "EUR"), Map.of());
  }

  @Test
  void writesDuringAnOutageAllLandOnceItIsOverAndNoneTwice() {
    GridMaps maps = grid.maps();
    StockKey key = new StockKey(STORE, "OUT-00000");
    maps.inventory().put(key, Stock.of(0));
    int written = 0;
    int movements = 0;
    for (int i = 0; i < 100; i++, written++) {
      maps.products().set(product(i, "Before " + i).sku(), product(i, "Before " + i));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("SELECT count(*) FROM products") == 100);

    proxy.cut();
    for (int i = 100; i < 300; i++, written++) {
      maps.products().set(product(i, "During " + i).sku(), product(i, "During " + i));
      if (i % 10 == 0) {
        new Inventory(grid.member(0), GridClock.system())
            .adjust(key, "delivery-" + i, 1, MovementReason.DELIVERY, "", "staff");
        movements++;
      }
    }
    // a change of rows already stored, made while PostgreSQL was away
    maps.products()
        .put(product(5, "Renamed during outage").sku(), product(5, "Renamed during outage"));
    assertThat(maps.products().size()).as("the grid kept serving").isEqualTo(written);
    // several write-behind rounds come and fail while the database stays away
    await()
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(15))
        .until(() -> count("SELECT count(*) FROM products") == 100);
    assertThat(dirtyEntries(maps)).as("writes kept waiting in the queues").isPositive();

    proxy.restore();

    int units = movements;
    await()
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .untilAsserted(() -> {
          assertThat(count("SELECT count(*) FROM products")).isEqualTo(300);
          assertThat(count("SELECT count(*) FROM stock_movements")).isEqualTo(units);
          assertThat(count("SELECT on_hand FROM stock WHERE sku = 'OUT-00000'")).isEqualTo(units);
        });
    assertThat(
            db.database()
                .jdbc()
                .queryForObject("SELECT name FROM products WHERE sku = 'OUT-00005'", String.class))
        .isEqualTo("Renamed during outage");
    assertThat(count("SELECT count(DISTINCT id) FROM stock_movements")).isEqualTo(units);
    assertThat(count("SELECT count(*) FROM dead_letters")).isZero();
  }

  @Test
  void aPoisonedEntryIsParkedAndTheRestKeepFlowing() {
    GridMaps maps = grid.maps();
    maps.products()
        .put(
            "POISON-1",
            new Product("POISON-1", "Null\u0000byte", "B", "C", "", Money.of(1, "EUR"), Map.of()));
    for (int i = 0; i < 50; i++) {
      maps.products().put(product(i, "Fine " + i).sku(), product(i, "Fine " + i));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> {
          assertThat(count("SELECT count(*) FROM products")).isEqualTo(50);
          assertThat(count("SELECT count(*) FROM dead_letters WHERE entry_key = 'POISON-1'"))
              .isEqualTo(1);
        });
    maps.products().put(product(99, "After the poison").sku(), product(99, "After the poison"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("SELECT count(*) FROM products") == 51);
  }
}
