package dev.gridcommerce.api.catalog;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.grid.catalog.Catalog;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Placeholder pictures: {@code GET /products/{sku}/image.svg} draws an SVG for any product (its
 * initials on a colour of its category, with its name), so a storefront has something to show for
 * products without a picture of their own. Drawn on the API node, cached by browsers for a day.
 */
@RestController
public class ProductImages {

  private static final String SVG = "image/svg+xml";
  private static final String[] PALETTE = {
    "#2e7d32", "#1565c0", "#ad1457", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e", "#37474f",
    "#c62828", "#558b2f"
  };

  private final Catalog catalog;

  ProductImages(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The product's own picture ({@code imageUrl}), or the path of its placeholder. */
  public static String urlOf(String sku, String imageUrl) {
    return imageUrl != null ? imageUrl : "/api/v1/products/" + sku + "/image.svg";
  }

  @GetMapping(path = "/api/v1/products/{sku}/image.svg", produces = SVG)
  ResponseEntity<String> placeholder(@PathVariable String sku) {
    Product product =
        catalog
            .product(sku)
            .orElseThrow(() -> ApiProblem.notFound("no product has the sku '" + sku + "'"));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
        .header("Content-Type", SVG)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(svg(product));
  }

  static String svg(Product product) {
    String colour =
        PALETTE[
            Math.floorMod(product.category().toLowerCase(Locale.ROOT).hashCode(), PALETTE.length)];
    String initials =
        Arrays.stream(product.name().split("\\s+"))
            .filter(word -> !word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)))
            .limit(2)
            .map(
                word -> new String(Character.toChars(word.codePointAt(0))).toUpperCase(Locale.ROOT))
            .collect(Collectors.joining());
    String name = HtmlUtils.htmlEscape(product.name(), "UTF-8");
    String shortName =
        product.name().length() > 34 ? product.name().substring(0, 33) + "…" : product.name();
    String label = HtmlUtils.htmlEscape(shortName, "UTF-8");
    return """
    <svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" \
    role="img" aria-label="%s">
    <rect width="400" height="400" fill="%s"/>
    <circle cx="200" cy="170" r="110" fill="#ffffff" fill-opacity="0.18"/>
    <text x="200" y="205" font-family="sans-serif" font-size="96" font-weight="700" \
    fill="#ffffff" text-anchor="middle">%s</text>
    <text x="200" y="350" font-family="sans-serif" font-size="22" fill="#ffffff" \
    text-anchor="middle">%s</text>
    </svg>
    """
        .formatted(name, colour, HtmlUtils.htmlEscape(initials, "UTF-8"), label);
  }
}
