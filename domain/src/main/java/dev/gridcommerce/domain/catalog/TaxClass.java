package dev.gridcommerce.domain.catalog;

/**
 * Which of a country's VAT rates a product is sold at; each store's country maps the classes to
 * rates (see {@code TaxRates}).
 */
public enum TaxClass {
  /** The country's standard rate (Germany: 19 %). */
  STANDARD,
  /** The reduced rate of food and other basic goods (Germany: 7 %). */
  REDUCED,
  /** Sold free of VAT. */
  ZERO
}
