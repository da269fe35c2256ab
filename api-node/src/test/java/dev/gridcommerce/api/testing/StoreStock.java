package dev.gridcommerce.api.testing;

import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;

/** What a test reads of one store's stock and orders straight from the grid's maps. */
public record StoreStock(GridMaps maps, String storeId) {

  /** The {@code index}th product (by sku) the store has at least 5 of: tests don't share one. */
  public String someSku(int index) {
    return maps.inventory().keySet().stream()
        .filter(key -> key.storeId().equals(storeId))
        .filter(key -> maps.inventory().get(key).available() >= 5)
        .map(StockKey::sku)
        .sorted()
        .skip(index)
        .findFirst()
        .orElseThrow();
  }

  public Stock stock(String sku) {
    return maps.inventory().get(new StockKey(storeId, sku));
  }

  public Order order(String id) {
    return maps.orders().get(id);
  }
}
