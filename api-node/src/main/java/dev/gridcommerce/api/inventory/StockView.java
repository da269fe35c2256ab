package dev.gridcommerce.api.inventory;

import dev.gridcommerce.domain.inventory.StockLevels;

/**
 * One product's stock at a store, as staff see it. {@code onHandVersion} is what a stocktake names
 * as {@code expectedVersion}.
 */
record StockView(
    String sku, int onHand, int reserved, int sold, int available, long onHandVersion) {

  static StockView of(String sku, StockLevels levels) {
    return new StockView(
        sku,
        levels.onHand(),
        levels.reserved(),
        levels.sold(),
        levels.available(),
        levels.onHandVersion());
  }
}
