package dev.gridcommerce.domain.order;

import dev.gridcommerce.domain.catalog.Product;
import java.util.Objects;

/**
 * What the shopper wants when a line of theirs is short at picking, chosen per cart line before
 * checkout: the store's best match, a product they named, or their money back.
 *
 * @param sku the product named, for {@code SPECIFIC} only (null otherwise)
 */
public record Substitution(Preference preference, String sku) {

  public enum Preference {
    /** The store proposes candidates (same category, similar price and size, same brand first). */
    BEST_MATCH,
    /** Only the product the shopper named. */
    SPECIFIC,
    /** No substitute: the missing units are refunded. */
    REFUND
  }

  public static final Substitution BEST_MATCH = new Substitution(Preference.BEST_MATCH, null);
  public static final Substitution REFUND = new Substitution(Preference.REFUND, null);

  public Substitution {
    Objects.requireNonNull(preference, "preference");
    if (preference == Preference.SPECIFIC) {
      Product.requireValidSku(sku);
    } else if (sku != null) {
      throw new IllegalArgumentException("only a SPECIFIC substitution names a product");
    }
  }

  public static Substitution specific(String sku) {
    return new Substitution(Preference.SPECIFIC, sku);
  }

  /** Whether this is a named substitute of that very product: no product replaces itself. */
  public boolean names(String product) {
    return product.equals(sku);
  }

  /** The preference as one word: {@code BEST_MATCH}, {@code REFUND} or {@code SPECIFIC:<sku>}. */
  public String encoded() {
    return sku == null ? preference.name() : preference.name() + ":" + sku;
  }

  /** Reads {@link #encoded()}; null or blank is the default, {@link #BEST_MATCH}. */
  public static Substitution decode(String encoded) {
    if (encoded == null || encoded.isBlank()) {
      return BEST_MATCH;
    }
    int colon = encoded.indexOf(':');
    Preference preference = Preference.valueOf(colon < 0 ? encoded : encoded.substring(0, colon));
    return new Substitution(preference, colon < 0 ? null : encoded.substring(colon + 1));
  }
}
