package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import java.util.Objects;

/** A quantity of one product at a unit price: what pricing works from. */
public record PricedLine(String sku, int quantity, Money unitPrice) {

  public PricedLine {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a priced line has at least one unit");
    }
  }

  public Money total() {
    return unitPrice.times(quantity);
  }
}
