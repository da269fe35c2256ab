package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import java.util.Objects;

/** One product of an order, at the price it had when the order was placed. */
public record OrderLine(String sku, String name, int quantity, Money unitPrice) {

  public OrderLine {
    Product.requireValidSku(sku);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity <= 0) {
      throw new IllegalArgumentException("an order line has at least one unit");
    }
  }

  public Money total() {
    return unitPrice.times(quantity);
  }
}
