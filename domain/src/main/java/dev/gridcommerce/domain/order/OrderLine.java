package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.pricing.PricedLine;
import java.util.Objects;

/**
 * One product of an order, at the price it had when the order was placed.
 *
 * @param id the line's id within its order ({@code L1}, {@code L2} ...), stable for its life
 */
public record OrderLine(String id, String sku, String name, int quantity, Money unitPrice) {

  public OrderLine {
    Objects.requireNonNull(id, "id");
    Product.requireValidSku(sku);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity <= 0) {
      throw new IllegalArgumentException("an order line has at least one unit");
    }
  }

  /** The id of the line in the given place of a new order, counting from 0. */
  public static String idAt(int index) {
    return "L" + (index + 1);
  }

  public Money total() {
    return unitPrice.times(quantity);
  }

  public PricedLine priced() {
    return new PricedLine(sku, quantity, unitPrice);
  }
}
