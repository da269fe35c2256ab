package dev.gridcommerce.domain.catalog;

import java.util.Objects;

/**
 * What a dark store charges for bringing a basket, in the store's currency: a delivery fee, waived
 * from a basket of {@code freeFrom} (null: never waived), and a small-basket fee on a basket below
 * {@code minimumBasket}. A basket is measured after its discount.
 */
public record DeliveryTerms(Money fee, Money freeFrom, Money minimumBasket, Money smallBasketFee) {

  public DeliveryTerms {
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(minimumBasket, "minimumBasket");
    Objects.requireNonNull(smallBasketFee, "smallBasketFee");
    fee.requireSameCurrency(minimumBasket);
    fee.requireSameCurrency(smallBasketFee);
    if (freeFrom != null) {
      fee.requireSameCurrency(freeFrom);
    }
    for (Money amount : new Money[] {fee, freeFrom, minimumBasket, smallBasketFee}) {
      if (amount != null && amount.isNegative()) {
        throw new IllegalArgumentException("delivery terms can't be negative: " + amount);
      }
    }
  }

  /** Free delivery of any basket, with no small-basket fee. */
  public static DeliveryTerms free(String currency) {
    Money zero = Money.zero(currency);
    return new DeliveryTerms(zero, null, zero, zero);
  }

  public String currency() {
    return fee.currency();
  }
}
