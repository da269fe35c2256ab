package dev.gridcommerce.api.catalog;

import dev.gridcommerce.api.web.ApiProblem.FieldError;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.TaxClass;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product as ADMIN sends it, by {@code PUT /products/{sku}} or one line of an import: the shape
 * {@code GET /products/{sku}} answers, whose computed fields (availability, ratings) are ignored.
 * Checked whole, so one answer names every field that is wrong.
 *
 * @param sku optional; when given it must be the sku of the path
 * @param price {@code {amount, currency}}, amount in minor units, VAT included
 * @param taxClass STANDARD, REDUCED or ZERO (see {@link TaxClass}); STANDARD when left out
 * @param imageUrl an absolute http(s) URL or a path on this API (starting with {@code /}); the
 *     generated placeholder when left out
 */
record ProductInput(
    String sku,
    String name,
    String brand,
    String category,
    String description,
    PriceInput price,
    String taxClass,
    Map<String, String> attributes,
    String imageUrl) {

  static final int MAX_NAME = 200;
  static final int MAX_LABEL = 100;
  static final int MAX_DESCRIPTION = 5_000;
  static final int MAX_ATTRIBUTES = 50;
  static final int MAX_ATTRIBUTE_TEXT = 500;
  static final int MAX_URL = 2_000;

  record PriceInput(Long amount, String currency) {}

  /** The product, or every field error; {@code skuOfPath} null takes the sku of the body. */
  Checked check(String skuOfPath) {
    List<FieldError> errors = new ArrayList<>();
    String theSku = skuOfPath == null ? sku : skuOfPath;
    if (!Product.isValidSku(theSku)) {
      errors.add(
          new FieldError(
              "sku",
              "must be 1-40 upper-case letters, digits or '-', starting with a letter or digit"));
    } else if (sku != null && !sku.equals(theSku)) {
      errors.add(new FieldError("sku", "must be the sku of the path, " + theSku));
    }
    text(errors, "name", name, MAX_NAME);
    text(errors, "brand", brand, MAX_LABEL);
    text(errors, "category", category, MAX_LABEL);
    if (description != null && description.length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    Money money = price(errors);
    TaxClass tax = taxClass(errors);
    attributes(errors);
    image(errors);
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        new Product(
            theSku,
            name.strip(),
            brand.strip(),
            category.strip(),
            description == null ? "" : description.strip(),
            money,
            attributes == null ? Map.of() : new LinkedHashMap<>(attributes),
            tax,
            imageUrl == null || imageUrl.isBlank() ? null : imageUrl.strip()),
        List.of());
  }

  /** A checked input: the product, or what is wrong with it. */
  record Checked(Product product, List<FieldError> errors) {}

  private static void text(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    } else if (value.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must not hold control characters"));
    }
  }

  private Money price(List<FieldError> errors) {
    if (price == null || price.amount() == null || price.currency() == null) {
      errors.add(new FieldError("price", "must be {amount, currency}, amount in minor units"));
      return null;
    }
    if (price.amount() <= 0) {
      errors.add(new FieldError("price.amount", "must be more than 0"));
    }
    String currency = price.currency().strip().toUpperCase(Locale.ROOT);
    if (!Money.isKnownCurrency(currency)) {
      errors.add(new FieldError("price.currency", "must be an ISO 4217 code such as EUR"));
      return null;
    }
    return Money.of(price.amount(), currency);
  }

  private TaxClass taxClass(List<FieldError> errors) {
    if (taxClass == null || taxClass.isBlank()) {
      return TaxClass.STANDARD;
    }
    try {
      return TaxClass.valueOf(taxClass.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.add(
          new FieldError("taxClass", "must be one of " + Arrays.toString(TaxClass.values())));
      return null;
    }
  }

  private void attributes(List<FieldError> errors) {
    if (attributes == null) {
      return;
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      errors.add(new FieldError("attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
    }
    attributes.forEach((key, value) -> {
      if (key == null || key.isBlank() || key.length() > MAX_LABEL) {
        errors.add(new FieldError("attributes", "names are 1-" + MAX_LABEL + " characters"));
      } else if (value == null || value.length() > MAX_ATTRIBUTE_TEXT) {
        errors.add(
            new FieldError("attributes." + key, "must be a text of at most " + MAX_ATTRIBUTE_TEXT));
      }
    });
  }

  private void image(List<FieldError> errors) {
    if (imageUrl == null || imageUrl.isBlank()) {
      return;
    }
    String url = imageUrl.strip();
    if (url.length() > MAX_URL) {
      errors.add(new FieldError("imageUrl", "must be at most " + MAX_URL + " characters"));
      return;
    }
    try {
      URI uri = new URI(url);
      boolean web =
          uri.isAbsolute()
              && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
              && uri.getHost() != null;
      boolean local = !uri.isAbsolute() && url.startsWith("/") && !url.startsWith("//");
      if (!web && !local) {
        errors.add(
            new FieldError("imageUrl", "must be an http(s) URL or a path on this API, /..."));
      }
    } catch (URISyntaxException notAUri) {
      errors.add(new FieldError("imageUrl", "is not a URL: " + notAUri.getReason()));
    }
  }
}
