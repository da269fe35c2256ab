package dev.gridcommerce.api.catalog;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.search.CatalogIndex;
import dev.gridcommerce.search.CatalogSuggester;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * and its products' stats (units sold, ratings) first, then takes every product's stats and indexes
 * every product, so nothing changed during the build is missed (indexing is by sku, so seeing a
 * product twice does no harm). Then rebuilds the suggestions every second when the index changed.
 * Runs once the grid is up and, when enabled, after the demo data is in. Healthy (ready) once the
 * first build is done.
 */
@Component("catalogIndexHealthIndicator")
class CatalogIndexUpkeep implements ApplicationRunner, Ordered, HealthIndicator {

  /** After the demo seeder, which may fill an empty grid. */
  static final int ORDER = 100;

  private static final Logger log = LoggerFactory.getLogger(CatalogIndexUpkeep.class);

  private final Catalog catalog;
  private final CatalogIndex index;
  private final CatalogSuggester suggester;
  private final ScheduledExecutorService suggestions =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("catalog-suggestions").daemon().factory());
  private final ExecutorService statsChanges =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("catalog-stats").daemon().factory());
  private volatile boolean built;
  private long nextSuggestionsBuild;

  CatalogIndexUpkeep(Catalog catalog, CatalogIndex index, CatalogSuggester suggester) {
    this.catalog = catalog;
    this.index = index;
    this.suggester = suggester;
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
    // off the grid's event thread: indexing the product again reads it from the grid
    catalog.subscribeStats((sku, stats) ->
        statsChanges.execute(() -> index.stats(sku, stats, catalog.product(sku).orElse(null))));
    catalog.allStats().forEach(index::initialStats);
    index.indexAll(catalog.allProducts());
    suggester.refresh();
    suggestions.scheduleWithFixedDelay(this::refreshSuggestions, 1, 1, TimeUnit.SECONDS);
    built = true;
    log.info(
        "Catalog index built: {} products in {} ms",
        index.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Rebuilds the suggestions if the index changed, but leaves at least four times the last build's
   * duration between builds (at least a second): on 100,000 products a build takes seconds of one
   * core, and a shop that sells all the time would otherwise spend a core on it.
   */
  private void refreshSuggestions() {
    if (System.nanoTime() < nextSuggestionsBuild) {
      return;
    }
    try {
      long started = System.nanoTime();
      if (suggester.refresh()) {
        long took = System.nanoTime() - started;
        nextSuggestionsBuild = System.nanoTime() + 4 * took;
        log.debug("Suggestions rebuilt in {} ms", took / 1_000_000);
      }
    } catch (RuntimeException e) {
      log.warn("Suggestions not rebuilt, tried again in a second", e);
    }
  }

  @PreDestroy
  void stop() {
    suggestions.shutdownNow();
    statsChanges.shutdownNow();
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
