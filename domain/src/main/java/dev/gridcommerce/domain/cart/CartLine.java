package dev.gridcommerce.domain.cart;

import dev.gridcommerce.domain.catalog.Product;

/** A quantity of one product in a cart. */
public record CartLine(String sku, int quantity) {

  public CartLine {
    Product.requireValidSku(sku);
    Cart.requireLineQuantity(quantity);
    if (quantity == 0) {
      throw new IllegalArgumentException("a cart line has at least one unit");
    }
  }
}
