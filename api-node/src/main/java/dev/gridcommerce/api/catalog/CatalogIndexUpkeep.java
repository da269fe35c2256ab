package dev.gridcommerce.api.catalog;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.search.CatalogIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index equal to the grid's catalog: subscribes to the catalog's changes
 * first, then indexes every product, so nothing changed during the build is missed (indexing is by
 * sku, so seeing a product twice does no harm). Runs once the grid is up and, when enabled, after
 * the demo data is in. Healthy (ready) once the first build is done.
 */
@Component("catalogIndexHealthIndicator")
class CatalogIndexUpkeep implements ApplicationRunner, Ordered, HealthIndicator {

  /** After the demo seeder, which may fill an empty grid. */
  static final int ORDER = 100;

  private static final Logger log = LoggerFactory.getLogger(CatalogIndexUpkeep.class);

  private final Catalog catalog;
  private final CatalogIndex index;
  private volatile boolean built;

  CatalogIndexUpkeep(Catalog catalog, CatalogIndex index) {
    this.catalog = catalog;
    this.index = index;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    catalog.subscribe(
        new Catalog.ProductListener() {
          @Override
          public void changed(Product product) {
            index.index(product);
          }

          @Override
          public void removed(String sku) {
            index.remove(sku);
          }
        });
    index.indexAll(catalog.allProducts());
    built = true;
    log.info(
        "Catalog index built: {} products in {} ms",
        index.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Health health() {
    return built
        ? Health.up().withDetail("products", index.size()).build()
        : Health.outOfService().withDetail("reason", "search index is being built").build();
  }
}
