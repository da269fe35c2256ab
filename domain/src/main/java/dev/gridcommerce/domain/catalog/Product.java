package dev.gridcommerce.domain.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sellable item of the catalog, the same in every dark store; stock is kept per store.
 *
 * @param price the price with VAT included
 * @param taxClass which of the store country's VAT rates the price includes
 * @param imageUrl where its picture is (an absolute http(s) URL or a path on this API); null when
 *     it has none
 */
public record Product(
    String sku,
    String name,
    String brand,
    String category,
    String description,
    Money price,
    Map<String, String> attributes,
    TaxClass taxClass,
    String imageUrl) {

  private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

  /** A product at the standard rate without a picture. */
  public Product(
      String sku,
      String name,
      String brand,
      String category,
      String description,
      Money price,
      Map<String, String> attributes) {
    this(sku, name, brand, category, description, price, attributes, TaxClass.STANDARD, null);
  }

  public Product {
    requireValidSku(sku);
    requireText(name, "name");
    requireText(brand, "brand");
    requireText(category, "category");
    description = description == null ? "" : description;
    Objects.requireNonNull(price, "price");
    if (price.amountMinor() < 0) {
      throw new IllegalArgumentException("price must not be negative");
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    Objects.requireNonNull(taxClass, "taxClass");
  }

  /** The same product with another picture. */
  public Product withImageUrl(String url) {
    return new Product(sku, name, brand, category, description, price, attributes, taxClass, url);
  }

  public static boolean isValidSku(String sku) {
    return sku != null && SKU.matcher(sku).matches();
  }

  public static void requireValidSku(String sku) {
    if (!isValidSku(sku)) {
      throw new IllegalArgumentException(
          "sku must be 1-40 upper-case letters, digits or '-', starting with a letter or digit");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
