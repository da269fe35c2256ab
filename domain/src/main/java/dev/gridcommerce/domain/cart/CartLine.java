package dev.gridcommerce.domain.cart;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.order.Substitution;
import java.util.Objects;

/** A quantity of one product in a cart, and what the shopper wants if it is short at picking. */
public record CartLine(String sku, int quantity, Substitution substitution) {

  /** A line whose short units would be replaced by the best match. */
  public CartLine(String sku, int quantity) {
    this(sku, quantity, Substitution.BEST_MATCH);
  }

  public CartLine {
    Product.requireValidSku(sku);
    Cart.requireLineQuantity(quantity);
    Objects.requireNonNull(substitution, "substitution");
    if (quantity == 0) {
      throw new IllegalArgumentException("a cart line has at least one unit");
    }
  }
}
