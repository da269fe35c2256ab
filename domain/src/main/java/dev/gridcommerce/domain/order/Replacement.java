package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import java.util.Objects;

/**
 * The units of another product packed in place of a line's missing ones, at the replacement's own
 * price (what the shopper pays for them is capped at the original's price: see {@link LinePick}).
 */
public record Replacement(String sku, String name, int quantity, Money unitPrice) {

  public Replacement {
    Product.requireValidSku(sku);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a replacement has at least one unit");
    }
  }

  public Money value() {
    return unitPrice.times(quantity);
  }
}
