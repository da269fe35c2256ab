package dev.gridcommerce.api.inventory;

import dev.gridcommerce.domain.inventory.Stock;

/**
 * One product's stock at a store, as staff see it. {@code onHandVersion} is what a stocktake names
 * as {@code expectedVersion}.
 */
record StockView(
    String sku, int onHand, int reserved, int sold, int available, long onHandVersion) {

  static StockView of(String sku, Stock stock) {
    return new StockView(
        sku,
        stock.onHand(),
        stock.reserved(),
        stock.sold(),
        stock.available(),
        stock.onHandVersion());
  }
}
