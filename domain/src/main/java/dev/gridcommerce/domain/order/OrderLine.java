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
 * @param substitution what the shopper wants if the line is short at picking
 * @param pick what the picker found (null until the line is picked or reported short)
 */
public record OrderLine(
    String id,
    String sku,
    String name,
    int quantity,
    Money unitPrice,
    TaxClass taxClass,
    int taxRateBasisPoints,
    Money tax,
    Substitution substitution,
    LinePick pick) {

  /** A line not yet picked, whose short units would be replaced by the best match. */
  public OrderLine(
      String id,
      String sku,
      String name,
      int quantity,
      Money unitPrice,
      TaxClass taxClass,
      int taxRateBasisPoints,
      Money tax) {
    this(
        id,
        sku,
        name,
        quantity,
        unitPrice,
        taxClass,
        taxRateBasisPoints,
        tax,
        Substitution.BEST_MATCH,
        null);
  }

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
    Objects.requireNonNull(substitution, "substitution");
    if (quantity <= 0) {
      throw new IllegalArgumentException("an order line has at least one unit");
    }
    if (pick != null) {
      requireFits(pick, sku, quantity, unitPrice);
    }
  }

  private static void requireFits(LinePick pick, String sku, int quantity, Money unitPrice) {
    if (pick.picked() > quantity) {
      throw new IllegalArgumentException(
          "a line can't be picked beyond its " + quantity + " units");
    }
    Replacement replacement = pick.replacement();
    if (replacement != null) {
      unitPrice.requireSameCurrency(replacement.unitPrice());
      if (replacement.sku().equals(sku) || replacement.quantity() > quantity - pick.picked()) {
        throw new IllegalArgumentException(
            "a replacement is another product, for at most the missing units");
      }
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
        id,
        sku,
        name,
        quantity,
        unitPrice,
        taxClass,
        price.taxRateBasisPoints(),
        price.tax(),
        substitution,
        pick);
  }

  /** This line with the shopper's substitution preference. */
  public OrderLine substitutedBy(Substitution preference) {
    return new OrderLine(
        id, sku, name, quantity, unitPrice, taxClass, taxRateBasisPoints, tax, preference, pick);
  }

  /** This line with what the picker found. */
  public OrderLine picked(LinePick found) {
    return new OrderLine(
        id, sku, name, quantity, unitPrice, taxClass, taxRateBasisPoints, tax, substitution, found);
  }

  public boolean isPicked() {
    return pick != null;
  }

  /** Whether the picker found fewer units than ordered. */
  public boolean isShort() {
    return pick != null && pick.picked() < quantity;
  }

  /** The units of this line's own product that go to the shopper (all of them until picked). */
  public int unitsPicked() {
    return pick == null ? quantity : pick.picked();
  }

  /**
   * What became of a short line, as the shopper is told it (the order's event, the mail): "Oat
   * milk: 1 of 2 found; replaced by Barista oat x1", or "...; the rest refunded". Empty unless
   * short.
   */
  public String shortfall() {
    if (!isShort()) {
      return "";
    }
    Replacement replacement = pick.replacement();
    return name
        + ": "
        + pick.picked()
        + " of "
        + quantity
        + " found; "
        + (replacement == null
            ? "the rest refunded"
            : "replaced by " + replacement.name() + " x" + replacement.quantity());
  }

  /** What the shopper gets back for this line, before the order's discount (zero unless short). */
  public Money credit() {
    return pick == null ? Money.zero(unitPrice.currency()) : pick.credit(quantity, unitPrice);
  }
}
