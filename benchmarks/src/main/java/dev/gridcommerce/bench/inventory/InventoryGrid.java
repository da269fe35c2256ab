package dev.gridcommerce.bench.inventory;

import dev.gridcommerce.bench.support.BenchGrid;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.Map;

/** A grid in the benchmark's JVM holding the given stock, reached from a member and a client. */
final class InventoryGrid implements AutoCloseable {

  private final BenchGrid grid;
  final Inventory embedded;
  final Inventory client;

  InventoryGrid(int members, Map<StockKey, Stock> stock) {
    grid = new BenchGrid(members);
    new GridMaps(grid.member()).inventory().putAll(stock);
    embedded = new Inventory(grid.member(), GridClock.system());
    client = new Inventory(grid.client(), GridClock.system());
  }

  @Override
  public void close() {
    grid.close();
  }
}
