package dev.gridcommerce.domain.inventory;

import dev.gridcommerce.domain.catalog.Product;
import java.util.Objects;

/** Identifies the stock of one product in one dark store. */
public record StockKey(String storeId, String sku) {

  public StockKey {
    Objects.requireNonNull(storeId, "storeId");
    Product.requireValidSku(sku);
  }
}
