package dev.gridcommerce.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.persistence.catalog.ProductMapStore;
import dev.gridcommerce.persistence.testing.TcpProxy;
import dev.gridcommerce.persistence.testing.TestDatabase;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A row PostgreSQL refuses for good is parked in dead_letters and counted, and the rest of its
 * batch is stored; a batch that fails because the database is unreachable is handed back (thrown)
 * for Hazelcast to keep and retry.
 */
class DeadLetterTest {

  private static TestDatabase db;
  private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
    Metrics.addRegistry(meters);
  }

  @AfterAll
  static void close() {
    Metrics.removeRegistry(meters);
    db.close();
  }

  private static Product product(String sku, String name) {
    return new Product(sku, name, "Brand", "Category", "", Money.of(100, "EUR"), Map.of());
  }

  @Test
  void aPoisonedRowIsParkedAndTheRestOfItsBatchIsStored() {
    ProductMapStore store = new ProductMapStore(db.database());
    Map<String, Product> batch = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      batch.put("GOOD-" + i, product("GOOD-" + i, "Good " + i));
    }
    // PostgreSQL text can't hold a NUL character: refused for good, whatever the retries
    batch.put("POISON-1", product("POISON-1", "Bad\u0000name"));

    store.storeAll(batch);

    assertThat(
            db.database()
                .jdbc()
                .queryForObject(
                    "SELECT count(*) FROM products WHERE sku LIKE 'GOOD-%'", Long.class))
        .isEqualTo(5);
    Map<String, Object> parked =
        db.database()
            .jdbc()
            .queryForMap("SELECT map_name, entry_key, entry_value, sql_state FROM dead_letters");
    assertThat(parked)
        .containsEntry("map_name", "products")
        .containsEntry("entry_key", "POISON-1")
        .containsEntry("sql_state", "22021");
    assertThat((String) parked.get("entry_value")).contains("Bad\\u0000name");
    assertThat(
            meters
                .get("commerce.persistence.dead.letters")
                .tag("map", "products")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void anUnreachableDatabaseIsNotAPoisonAndTheBatchIsHandedBack() throws Exception {
    URI server = URI.create(db.settings().url().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
      Database viaProxy = db.openVia("127.0.0.1", proxy.port());
      ProductMapStore store = new ProductMapStore(viaProxy);
      proxy.cut();

      assertThatThrownBy(() -> store.storeAll(Map.of("LATER-1", product("LATER-1", "Later"))))
          .isInstanceOf(RuntimeException.class);
      assertThat(
              db.database()
                  .jdbc()
                  .queryForObject(
                      "SELECT count(*) FROM dead_letters WHERE entry_key = 'LATER-1'", Long.class))
          .isZero();

      proxy.restore();
      // as Hazelcast does: try again until the pool has replaced the connections the cut broke
      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .untilAsserted(() -> store.storeAll(Map.of("LATER-1", product("LATER-1", "Later"))));
      assertThat(
              db.database()
                  .jdbc()
                  .queryForObject(
                      "SELECT count(*) FROM products WHERE sku = 'LATER-1'", Long.class))
          .isEqualTo(1);
      viaProxy.close();
    }
  }
}
