package dev.gridcommerce.domain.catalog;

import java.util.Objects;

/** An amount in integer minor units (cents) of an ISO 4217 currency. */
public record Money(long amountMinor, String currency) {

  public Money {
    requireCurrency(currency);
  }

  /** Refuses anything that is not a three-letter upper-case ISO 4217 code. */
  public static String requireCurrency(String currency) {
    Objects.requireNonNull(currency, "currency");
    if (!isCurrency(currency)) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
    return currency;
  }

  // three letters A-Z, checked without a regular expression: money is made on every read of an
  // order from the grid
  private static boolean isCurrency(String code) {
    return code.length() == 3
        && isUpper(code.charAt(0))
        && isUpper(code.charAt(1))
        && isUpper(code.charAt(2));
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  public static Money of(long amountMinor, String currency) {
    return new Money(amountMinor, currency);
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
  }

  public boolean isPositive() {
    return amountMinor > 0;
  }

  public boolean isNegative() {
    return amountMinor < 0;
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(amountMinor, quantity), currency);
  }

  public void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }
}
