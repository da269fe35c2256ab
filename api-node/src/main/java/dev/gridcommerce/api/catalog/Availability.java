package dev.gridcommerce.api.catalog;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Live available units of products at a dark store, read from the grid in one call. */
@Component
public class Availability {

  private final GridMaps maps;

  Availability(GridMaps maps) {
    this.maps = maps;
  }

  /** Available units per sku at the store; a product the store doesn't stock has 0. */
  public Map<String, Integer> at(String storeId, Collection<String> skus) {
    requireStore(storeId);
    Set<StockKey> keys =
        skus.stream().map(sku -> new StockKey(storeId, sku)).collect(Collectors.toSet());
    Map<StockKey, Stock> stock = maps.inventory().getAll(keys);
    Map<String, Integer> available = new HashMap<>();
    for (String sku : skus) {
      Stock entry = stock.get(new StockKey(storeId, sku));
      available.put(sku, entry == null ? 0 : entry.available());
    }
    return available;
  }

  /** Refuses a store id that names no dark store. */
  public void requireStore(String storeId) {
    if (!maps.stores().containsKey(storeId)) {
      throw ApiProblem.invalid("store", "no dark store has the id '" + storeId + "'");
    }
  }
}
