package dev.gridcommerce.api.demo;

import dev.gridcommerce.api.account.AccountService;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.pricing.Vouchers;
import java.time.Instant;
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

  private final Catalog catalog;
  private final Inventory inventory;
  private final AccountService accounts;
  private final DemoSettings settings;
  private final Vouchers vouchers;
  private final Fulfilment fulfilment;

  DemoSeeder(
      Catalog catalog,
      Inventory inventory,
      AccountService accounts,
      DemoSettings settings,
      Vouchers vouchers,
      Fulfilment fulfilment) {
    this.catalog = catalog;
    this.fulfilment = fulfilment;
    this.vouchers = vouchers;
    this.inventory = inventory;
    this.accounts = accounts;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    int stores = catalog.stores().size();
    if (stores > 0) {
      log.info("Demo data: the grid already has {} dark stores, nothing seeded", stores);
      return;
    }
    long started = System.nanoTime();
    DemoCatalog demo = DemoCatalog.standard();
    catalog.putStores(demo.stores());
    catalog.putProducts(demo.products());
    inventory.stockUp(demo.stock());
    demo.layouts().forEach(fulfilment::layOut);
    DemoCatalog.vouchers(Instant.now()).forEach(vouchers::create);
    seedAccount(
        settings.adminEmail(), settings.adminPassword(), "Admin", Set.of(Role.ADMIN), Set.of());
    for (DarkStore store : demo.stores()) {
      seedAccount(
          DemoSettings.staffEmail(store.id()),
          settings.staffPassword(),
          store.name() + " staff",
          Set.of(Role.STAFF),
          Set.of(store.id()));
      seedAccount(
          DemoSettings.riderEmail(store.id()),
          settings.staffPassword(),
          "Rider " + store.name(),
          Set.of(Role.RIDER),
          Set.of(store.id()));
    }
    log.info(
        "Demo data seeded in {} ms: {} dark stores, {} products, {} stock entries, {} accounts",
        (System.nanoTime() - started) / 1_000_000,
        demo.stores().size(),
        demo.products().size(),
        demo.stock().size(),
        2 * demo.stores().size() + 1);
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
}
