package dev.gridcommerce.api.demo;

import com.hazelcast.map.IMap;
import dev.gridcommerce.api.account.Accounts;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Fills an empty grid with the demo catalog (stores, products, stock), an ADMIN account and one
 * STAFF account per dark store. A grid that already has dark stores (loaded from PostgreSQL) is
 * left alone, so the demo data is seeded once and survives restarts.
 */
@Component
@ConditionalOnBooleanProperty("commerce.demo.seed")
class DemoSeeder implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
  private static final int CHUNK = 1_000;

  private final GridMaps maps;
  private final Accounts accounts;
  private final DemoSettings settings;

  DemoSeeder(GridMaps maps, Accounts accounts, DemoSettings settings) {
    this.maps = maps;
    this.accounts = accounts;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!maps.stores().isEmpty()) {
      log.info(
          "Demo data: the grid already has {} dark stores, nothing seeded", maps.stores().size());
      return;
    }
    long started = System.nanoTime();
    DemoCatalog catalog = DemoCatalog.standard();
    Map<String, DarkStore> stores = new LinkedHashMap<>();
    catalog.stores().forEach(store -> stores.put(store.id(), store));
    maps.stores().putAll(stores);
    Map<String, Product> products = new LinkedHashMap<>();
    catalog.products().forEach(product -> products.put(product.sku(), product));
    putInChunks(maps.products(), products);
    Map<StockKey, Stock> stock = new LinkedHashMap<>();
    catalog.stock().forEach((key, onHand) -> stock.put(key, Stock.of(onHand)));
    putInChunks(maps.inventory(), stock);
    seedAccount(
        settings.adminEmail(), settings.adminPassword(), "Admin", Set.of(Role.ADMIN), Set.of());
    for (DarkStore store : catalog.stores()) {
      seedAccount(
          DemoSettings.staffEmail(store.id()),
          settings.staffPassword(),
          store.name() + " staff",
          Set.of(Role.STAFF),
          Set.of(store.id()));
    }
    log.info(
        "Demo data seeded in {} ms: {} dark stores, {} products, {} stock entries, {} accounts",
        (System.nanoTime() - started) / 1_000_000,
        stores.size(),
        catalog.products().size(),
        stock.size(),
        catalog.stores().size() + 1);
  }

  @Override
  public int getOrder() {
    return 10;
  }

  private void seedAccount(
      String email, String password, String name, Set<Role> roles, Set<String> storeIds) {
    try {
      accounts.register(email, password, name, roles, storeIds);
    } catch (ApiProblem alreadyThere) {
      log.info("Demo data: account {} exists already", email);
    }
  }

  /** Puts the entries in chunks, so no single call carries the whole catalog. */
  private static <K, V> void putInChunks(IMap<K, V> map, Map<K, V> entries) {
    Map<K, V> chunk = new LinkedHashMap<>();
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      chunk.put(entry.getKey(), entry.getValue());
      if (chunk.size() == CHUNK) {
        map.putAll(chunk);
        chunk.clear();
      }
    }
    map.putAll(chunk);
  }
}
