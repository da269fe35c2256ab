package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;
import java.util.Objects;

/**
 * What a cart or an order costs and why, all in one currency: {@code total = subtotal - discount +
 * deliveryFee + smallBasketFee}. Prices include VAT, so {@code tax} is the VAT the total contains,
 * not an addition to it. Made only by {@link Pricing}.
 */
public record PriceBreakdown(
    Money subtotal,
    Money discount,
    Money deliveryFee,
    Money smallBasketFee,
    Money tax,
    Money total) {

  public PriceBreakdown {
    Objects.requireNonNull(subtotal, "subtotal");
    Objects.requireNonNull(discount, "discount");
    Objects.requireNonNull(deliveryFee, "deliveryFee");
    Objects.requireNonNull(smallBasketFee, "smallBasketFee");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(total, "total");
    for (Money part : new Money[] {subtotal, discount, deliveryFee, smallBasketFee, tax}) {
      total.requireSameCurrency(part);
      if (part.isNegative()) {
        throw new IllegalArgumentException("no part of a price is negative: " + part);
      }
    }
    long sum =
        Math.addExact(
            Math.addExact(
                Math.subtractExact(subtotal.amountMinor(), discount.amountMinor()),
                deliveryFee.amountMinor()),
            smallBasketFee.amountMinor());
    if (sum != total.amountMinor()) {
      throw new IllegalArgumentException(
          "total must be subtotal - discount + delivery fee + small-basket fee: " + total);
    }
    if (total.isNegative()) {
      throw new IllegalArgumentException("a total can't be negative in " + total.currency());
    }
    if (tax.amountMinor() > total.amountMinor()) {
      throw new IllegalArgumentException("the tax a total contains can't exceed it");
    }
  }

  public String currency() {
    return total.currency();
  }
}
