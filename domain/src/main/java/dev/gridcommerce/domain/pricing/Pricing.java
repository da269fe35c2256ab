package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import java.util.List;

/**
 * The one pricing function: cart views, checkout and orders all price through here, so a rule added
 * here (a voucher, a delivery fee, tax) reaches every one of them at once. Today the price is the
 * sum of the lines; discount, delivery fee and tax are zero.
 */
public final class Pricing {

  private Pricing() {}

  /**
   * The price of the lines in {@code currency} (the dark store's). A line priced in another
   * currency is a broken catalog, refused with an {@link IllegalArgumentException}.
   */
  public static PriceBreakdown price(List<PricedLine> lines, String currency) {
    Money zero = Money.zero(currency);
    Money subtotal = zero;
    for (PricedLine line : lines) {
      subtotal = subtotal.plus(line.total());
    }
    return new PriceBreakdown(subtotal, zero, zero, zero, subtotal);
  }
}
