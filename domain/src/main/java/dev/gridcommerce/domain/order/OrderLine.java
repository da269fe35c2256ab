package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.pricing.LinePrice;
import dev.gridcommerce.domain.pricing.PricedLine;
import java.util.Objects;

/**
 * One product of an order, at the price it had when the order was placed.
 *
 * @param id the line's id within its order ({@code L1}, {@code L2} ...), stable for its life
 * @param taxRateBasisPoints the VAT rate its price included (1900 = 19 %)
 * @param tax the VAT the line's total contains after its share of the order's discount
 */
public record OrderLine(
    String id,
    String sku,
    String name,
    int quantity,
    Money unitPrice,
    TaxClass taxClass,
    int taxRateBasisPoints,
    Money tax) {

  /** A line at the standard rate whose tax is not worked out (tests of other rules). */
  public OrderLine(String id, String sku, String name, int quantity, Money unitPrice) {
    this(
        id, sku, name, quantity, unitPrice, TaxClass.STANDARD, 0, Money.zero(unitPrice.currency()));
  }

  public OrderLine {
    Objects.requireNonNull(id, "id");
    Product.requireValidSku(sku);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(taxClass, "taxClass");
    unitPrice.requireSameCurrency(tax);
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
    return new PricedLine(sku, quantity, unitPrice, taxClass);
  }

  /** This line with the VAT that pricing worked out for it. */
  public OrderLine taxed(LinePrice price) {
    return new OrderLine(
        id, sku, name, quantity, unitPrice, taxClass, price.taxRateBasisPoints(), price.tax());
  }
}
