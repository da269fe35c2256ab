package dev.gridcommerce.domain.fulfilment;

import dev.gridcommerce.domain.catalog.Product;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The best matches for a product that is short: products of the same category, in the same
 * currency, with units available at the store, priced within {@value #PRICE_BAND_PERCENT} % of it;
 * the same brand first, then the same size, then the nearest price, then by sku (so the ranking is
 * the same every time).
 */
public final class SubstituteRanking {

  public static final int PRICE_BAND_PERCENT = 50;
  public static final int MAX_CANDIDATES = 5;

  private SubstituteRanking() {}

  /**
   * Up to {@value #MAX_CANDIDATES} candidates from {@code products}, given each one's units
   * available at the store ({@code availableBySku}; missing means none) and the skus not to offer
   * (the order's other lines, for instance).
   */
  public static List<Product> rank(
      Product original,
      Collection<Product> products,
      Map<String, Integer> availableBySku,
      Collection<String> excluded) {
    long price = original.price().amountMinor();
    long band = price * PRICE_BAND_PERCENT / 100;
    return products.stream()
        .filter(p -> !p.sku().equals(original.sku()) && !excluded.contains(p.sku()))
        .filter(p -> p.category().equals(original.category()))
        .filter(p -> p.price().currency().equals(original.price().currency()))
        .filter(p -> Math.abs(p.price().amountMinor() - price) <= band)
        .filter(p -> availableBySku.getOrDefault(p.sku(), 0) > 0)
        .sorted(closestTo(original))
        .limit(MAX_CANDIDATES)
        .toList();
  }

  private static Comparator<Product> closestTo(Product original) {
    String size = original.attributes().get("size");
    long price = original.price().amountMinor();
    return Comparator.<Product>comparingInt(p -> p.brand().equals(original.brand()) ? 0 : 1)
        .thenComparingInt(p -> Objects.equals(p.attributes().get("size"), size) ? 0 : 1)
        .thenComparingLong(p -> Math.abs(p.price().amountMinor() - price))
        .thenComparing(Product::sku);
  }
}
