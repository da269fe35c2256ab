package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import java.util.Objects;

/** A quantity of one product at a unit price with VAT included: what pricing works from. */
public record PricedLine(String sku, int quantity, Money unitPrice, TaxClass taxClass) {

  public PricedLine {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(taxClass, "taxClass");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a priced line has at least one unit");
    }
  }

  /** A quantity of the product at its price. */
  public static PricedLine of(Product product, int quantity) {
    return new PricedLine(product.sku(), quantity, product.price(), product.taxClass());
  }

  public Money total() {
    return unitPrice.times(quantity);
  }
}
