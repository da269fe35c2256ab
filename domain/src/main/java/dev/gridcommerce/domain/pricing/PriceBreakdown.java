package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import java.util.Objects;

/**
 * What a cart or an order costs and why: {@code total = subtotal - discount + deliveryFee + tax},
 * all in one currency. Made only by {@link Pricing}.
 */
public record PriceBreakdown(
    Money subtotal, Money discount, Money deliveryFee, Money tax, Money total) {

  public PriceBreakdown {
    Objects.requireNonNull(subtotal, "subtotal");
    Objects.requireNonNull(discount, "discount");
    Objects.requireNonNull(deliveryFee, "deliveryFee");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(total, "total");
    String currency = total.currency();
    for (Money part : new Money[] {subtotal, discount, deliveryFee, tax}) {
      total.requireSameCurrency(part);
    }
    if (subtotal.isNegative() || discount.isNegative() || deliveryFee.isNegative()) {
      throw new IllegalArgumentException("subtotal, discount and delivery fee can't be negative");
    }
    long sum =
        Math.addExact(
            Math.addExact(
                Math.subtractExact(subtotal.amountMinor(), discount.amountMinor()),
                deliveryFee.amountMinor()),
            tax.amountMinor());
    if (sum != total.amountMinor()) {
      throw new IllegalArgumentException(
          "total must be subtotal - discount + delivery fee + tax: " + total);
    }
    if (total.isNegative()) {
      throw new IllegalArgumentException("a total can't be negative in " + currency);
    }
  }

  public String currency() {
    return total.currency();
  }
}
