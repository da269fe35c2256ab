package dev.gridcommerce.grid.catalog;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog and the dark stores: the one door to the {@code products} and {@code stores} maps.
 * Both are read far more than written and each API node keeps a near cache of them, so reads here
 * are mostly local.
 */
public final class Catalog {

  /** Told of every change of the catalog, on the grid's event threads. */
  public interface ProductListener {
    void changed(Product product);

    void removed(String sku);
  }

  private static final int CHUNK = 1_000;

  private final IMap<String, Product> products;
  private final IMap<String, DarkStore> stores;
  private final IMap<String, ProductStats> stats;

  public Catalog(HazelcastInstance grid) {
    GridMaps maps = new GridMaps(grid);
    this.products = maps.products();
    this.stores = maps.stores();
    this.stats = maps.productStats();
  }

  /** The Compact serializers of products and dark stores. */
  public static List<CompactSerializer<?>> serializers() {
    return CatalogSerializers.all();
  }

  public Optional<Product> product(String sku) {
    return Product.isValidSku(sku) ? Optional.ofNullable(products.get(sku)) : Optional.empty();
  }

  /** Whether the catalog sells the product. */
  public boolean sells(String sku) {
    return Product.isValidSku(sku) && products.containsKey(sku);
  }

  /** The products of the skus that the catalog sells; the others are left out. */
  public Map<String, Product> products(Collection<String> skus) {
    return products.getAll(Set.copyOf(skus));
  }

  /** The products of one category (where substitutes are looked for). */
  public Collection<Product> inCategory(String category) {
    return products.values(Predicates.equal("category", category));
  }

  /** Every product (an API node's search index is built from them). */
  public Collection<Product> allProducts() {
    return products.values();
  }

  /** The dark stores, by id. */
  public List<DarkStore> stores() {
    return stores.values().stream().sorted(Comparator.comparing(DarkStore::id)).toList();
  }

  public Optional<DarkStore> store(String storeId) {
    return storeId == null ? Optional.empty() : Optional.ofNullable(stores.get(storeId));
  }

  public boolean hasStore(String storeId) {
    return storeId != null && stores.containsKey(storeId);
  }

  /**
   * Subscribes to every change of the catalog; answers what ends the subscription. Subscribe before
   * reading the catalog to build from it, so nothing changed meanwhile is missed.
   */
  public Runnable subscribe(ProductListener listener) {
    UUID id = products.addEntryListener(new ProductChanges(listener), true);
    return () -> products.removeEntryListener(id);
  }

  /** What shoppers did with each product (none for a product nobody bought or reviewed yet). */
  public Map<String, ProductStats> allStats() {
    return Map.copyOf(stats);
  }

  public ProductStats stats(String sku) {
    ProductStats found = Product.isValidSku(sku) ? stats.get(sku) : null;
    return found == null ? ProductStats.NONE : found;
  }

  /**
   * Counts units sold (negative: given back) per sku, without waiting: a ranking signal, counted
   * when an order's sale is settled (at most once per order and sale).
   */
  public void recordSold(Map<String, Integer> unitsBySku) {
    unitsBySku.forEach(
        (sku, units) -> stats.submitToKey(sku, new ProductStatsProcessor(units, 0, 0, 0)));
  }

  /** Sets a product's ratings as counted from {@code version} of its reviews (older ones lose). */
  public void rated(String sku, int count, long total, long version) {
    stats.executeOnKey(sku, new ProductStatsProcessor(0, count, total, version));
  }

  /**
   * Subscribes to every change of the products' stats, on the grid's event threads; answers what
   * ends the subscription.
   */
  public Runnable subscribeStats(java.util.function.BiConsumer<String, ProductStats> listener) {
    UUID id =
        stats.addEntryListener(
            (EntryAddedListener<String, ProductStats>)
                event -> listener.accept(event.getKey(), event.getValue()),
            true);
    UUID updates =
        stats.addEntryListener(
            (EntryUpdatedListener<String, ProductStats>)
                event -> listener.accept(event.getKey(), event.getValue()),
            true);
    return () -> {
      stats.removeEntryListener(id);
      stats.removeEntryListener(updates);
    };
  }

  /** Adds (or replaces) dark stores. */
  public void putStores(Collection<DarkStore> toPut) {
    stores.putAll(toPut.stream().collect(Collectors.toMap(DarkStore::id, Function.identity())));
  }

  /** Adds or replaces one product; answers whether the catalog had it before. */
  public boolean putProduct(Product product) {
    return products.put(product.sku(), product) != null;
  }

  /**
   * Stops selling the product: it leaves the catalog (carts holding it are told so at checkout;
   * placed orders keep their lines). Answers whether the catalog had it.
   */
  public boolean removeProduct(String sku) {
    return Product.isValidSku(sku) && products.remove(sku) != null;
  }

  /** Adds (or replaces) products, in chunks, so no single call carries the whole catalog. */
  public void putProducts(Collection<Product> toPut) {
    Map<String, Product> chunk = new LinkedHashMap<>();
    for (Product product : toPut) {
      chunk.put(product.sku(), product);
      if (chunk.size() == CHUNK) {
        products.putAll(chunk);
        chunk.clear();
      }
    }
    products.putAll(chunk);
  }

  private record ProductChanges(ProductListener listener)
      implements EntryAddedListener<String, Product>,
          EntryUpdatedListener<String, Product>,
          EntryRemovedListener<String, Product> {

    @Override
    public void entryAdded(EntryEvent<String, Product> event) {
      listener.changed(event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, Product> event) {
      listener.changed(event.getValue());
    }

    @Override
    public void entryRemoved(EntryEvent<String, Product> event) {
      listener.removed(event.getKey());
    }
  }
}
