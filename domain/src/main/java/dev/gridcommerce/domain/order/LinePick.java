package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Money;

/**
 * What the picker found for one order line: {@code picked} of its units, and for the missing ones a
 * {@link Replacement} or none (they are refunded).
 */
public record LinePick(int picked, Replacement replacement) {

  public LinePick {
    if (picked < 0) {
      throw new IllegalArgumentException("picked units can't be negative");
    }
  }

  /** Every unit of the line found. */
  public static LinePick complete(int quantity) {
    return new LinePick(quantity, null);
  }

  /** Whether anything at all goes to the shopper for this line. */
  public boolean fillsAnything() {
    return picked > 0 || replacement != null;
  }

  /**
   * What the shopper gets back for a line of {@code quantity} units at {@code unitPrice}, before
   * the order's discount: the missing units' price, less what their replacement costs, a unit of
   * the replacement never costing more than a unit of the original.
   */
  public Money credit(int quantity, Money unitPrice) {
    Money missing = unitPrice.times(quantity - picked);
    if (replacement == null) {
      return missing;
    }
    long charged =
        Math.min(
            replacement.value().amountMinor(),
            unitPrice.times(replacement.quantity()).amountMinor());
    return Money.of(missing.amountMinor() - charged, unitPrice.currency());
  }
}
