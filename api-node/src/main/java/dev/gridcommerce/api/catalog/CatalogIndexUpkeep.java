package dev.gridcommerce.api.catalog;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.search.CatalogIndex;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's search index equal to the grid's {@code products} map: subscribes to the map's
 * changes first, then indexes every product, so nothing changed during the build is missed
 * (indexing is by sku, so seeing a product twice does no harm). Runs once the grid is up and, when
 * enabled, after the demo data is in. Healthy (ready) once the first build is done.
 */
@Component("catalogIndexHealthIndicator")
class CatalogIndexUpkeep implements ApplicationRunner, Ordered, HealthIndicator {

  /** After the demo seeder, which may fill an empty grid. */
  static final int ORDER = 100;

  private static final Logger log = LoggerFactory.getLogger(CatalogIndexUpkeep.class);

  private final GridMaps maps;
  private final CatalogIndex index;
  private volatile boolean built;
  private UUID listener;

  CatalogIndexUpkeep(GridMaps maps, CatalogIndex index) {
    this.maps = maps;
    this.index = index;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    listener = maps.products().addEntryListener(new ProductChanges(index), true);
    index.indexAll(maps.products().values());
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

  UUID listener() {
    return listener;
  }

  /** Applies one product change to the index; runs on the grid client's event threads. */
  private record ProductChanges(CatalogIndex index)
      implements EntryAddedListener<String, Product>,
          EntryUpdatedListener<String, Product>,
          EntryRemovedListener<String, Product> {

    @Override
    public void entryAdded(EntryEvent<String, Product> event) {
      index.index(event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, Product> event) {
      index.index(event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, Product> event) {
      index.remove(event.getKey());
    }
  }
}
