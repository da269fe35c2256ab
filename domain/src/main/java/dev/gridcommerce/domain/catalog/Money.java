package dev.gridcommerce.domain.catalog;

import java.math.BigDecimal;
import java.util.Currency;
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

  /** The amount as people read it: {@code 12.50 EUR} (minor digits as ISO 4217 has them). */
  public static String format(Money money) {
    return BigDecimal.valueOf(money.amountMinor, minorDigits(money.currency)).toPlainString()
        + " "
        + money.currency;
  }

  /** Whether ISO 4217 (as the JDK knows it) has the code: what input from people is held to. */
  public static boolean isKnownCurrency(String code) {
    try {
      return code != null && Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  /** How many minor digits the currency has (2 for one ISO 4217 doesn't know). */
  private static int minorDigits(String currency) {
    try {
      return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException unknown) {
      return 2;
    }
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
