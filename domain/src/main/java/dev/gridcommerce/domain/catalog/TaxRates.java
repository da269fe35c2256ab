package dev.gridcommerce.domain.catalog;

import java.util.Map;

/**
 * The VAT rates of the countries the stores may be in, in basis points (1900 = 19 %), by tax class.
 * A country not listed here can't have a store.
 */
public final class TaxRates {

  private static final Map<String, Map<TaxClass, Integer>> BY_COUNTRY =
      Map.of(
          "DE", rates(1900, 700),
          "AT", rates(2000, 1000),
          "NL", rates(2100, 900),
          "FR", rates(2000, 550),
          "SE", rates(2500, 1200));

  private TaxRates() {}

  private static Map<TaxClass, Integer> rates(int standard, int reduced) {
    return Map.of(TaxClass.STANDARD, standard, TaxClass.REDUCED, reduced, TaxClass.ZERO, 0);
  }

  public static boolean knows(String country) {
    return BY_COUNTRY.containsKey(country);
  }

  /** The rate of the class in the country, in basis points. */
  public static int rate(String country, TaxClass taxClass) {
    Map<TaxClass, Integer> rates = BY_COUNTRY.get(country);
    if (rates == null) {
      throw new IllegalArgumentException("no VAT rates are known for the country " + country);
    }
    return rates.get(taxClass);
  }
}
