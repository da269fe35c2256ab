package dev.gridcommerce.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.catalog.ProductStats;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.catalog.TaxRates;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.search.CatalogIndex;
import dev.gridcommerce.search.CatalogPage;
import dev.gridcommerce.search.CatalogQuery;
import dev.gridcommerce.search.CatalogSuggester;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catalog search and product pages, with live stock when a dark store is named. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  private final CatalogIndex index;
  private final Catalog catalog;
  private final Inventory inventory;
  private final CatalogSuggester suggester;

  ProductController(
      CatalogIndex index, Catalog catalog, Inventory inventory, CatalogSuggester suggester) {
    this.index = index;
    this.suggester = suggester;
    this.catalog = catalog;
    this.inventory = inventory;
  }

  /** A product's average rating (one decimal) and how many visible reviews it comes from. */
  record Rating(double average, int count) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProductSummary(
      String sku,
      String name,
      String brand,
      String category,
      Money price,
      String imageUrl,
      Rating rating,
      Integer available) {}

  record SuggestResponse(String prefix, List<CatalogSuggester.Suggestion> suggestions) {}

  /**
   * A page of hits; {@code approximate} when nothing matched the words as typed and these hits
   * forgive a typo per word. With {@code inStock}, {@code total} counts the products available at
   * the store (among the first {@value CatalogQuery#MAX_WINDOW} matches) and the facets count every
   * match.
   */
  record SearchResponse(
      long total,
      int page,
      int size,
      List<ProductSummary> items,
      Map<String, List<CatalogPage.FacetCount>> facets,
      boolean approximate) {}

  /**
   * A product page: what {@code PUT /products/{sku}} takes back, plus the live {@code available}
   * units at a store when one is named, and the VAT rate its price includes there (basis points:
   * 700 is 7%). {@code imageUrl} is the product's picture, or its generated placeholder.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProductDetail(
      String sku,
      String name,
      String brand,
      String category,
      String description,
      Money price,
      TaxClass taxClass,
      Map<String, String> attributes,
      String imageUrl,
      Rating rating,
      Integer available,
      Integer taxRateBasisPoints) {

    static ProductDetail of(
        Product product, ProductStats stats, Integer available, Integer taxRateBasisPoints) {
      return new ProductDetail(
          product.sku(),
          product.name(),
          product.brand(),
          product.category(),
          product.description(),
          product.price(),
          product.taxClass(),
          product.attributes(),
          ProductImages.urlOf(product.sku(), product.imageUrl()),
          stats == null ? null : new Rating(stats.averageRating(), stats.ratingCount()),
          available,
          taxRateBasisPoints);
    }
  }

  @GetMapping
  SearchResponse search(
      @RequestParam(required = false) @Size(max = 200) String q,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String brand,
      @RequestParam(required = false) @PositiveOrZero Long minPrice,
      @RequestParam(required = false) @PositiveOrZero Long maxPrice,
      @RequestParam(required = false) String store,
      @RequestParam(defaultValue = "false") boolean inStock,
      @RequestParam(defaultValue = "relevance") String sort,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(CatalogQuery.MAX_SIZE) int size) {
    if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
      throw ApiProblem.invalid("minPrice", "must not exceed maxPrice");
    }
    if ((long) (page + 1) * size > CatalogQuery.MAX_WINDOW) {
      throw ApiProblem.invalid(
          "page",
          "(page + 1) * size may reach at most "
              + CatalogQuery.MAX_WINDOW
              + " hits; narrow the query");
    }
    if (inStock && store == null) {
      throw ApiProblem.invalid("inStock", "needs the store whose stock it means (store=...)");
    }
    CatalogIndex.StockFilter availableOnly =
        inStock
            ? skus ->
                availableAt(store, skus).entrySet().stream()
                    .filter(entry -> entry.getValue() > 0)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet())
            : null;
    CatalogPage result =
        index.search(
            new CatalogQuery(q, category, brand, minPrice, maxPrice, sortOrder(sort), page, size),
            availableOnly);
    Map<String, Integer> available =
        store == null
            ? Map.of()
            : availableAt(store, result.items().stream().map(CatalogPage.Hit::sku).toList());
    List<ProductSummary> items =
        result.items().stream()
            .map(hit ->
                new ProductSummary(
                    hit.sku(),
                    hit.name(),
                    hit.brand(),
                    hit.category(),
                    hit.price(),
                    ProductImages.urlOf(hit.sku(), hit.imageUrl()),
                    new Rating(hit.ratingAverage(), hit.ratingCount()),
                    available.get(hit.sku())))
            .toList();
    return new SearchResponse(
        result.total(), page, size, items, result.facets(), result.approximate());
  }

  /**
   * Completions for a search box: product names, brands and categories, one typo forgiven, most
   * sold first.
   */
  @GetMapping("/suggest")
  SuggestResponse suggest(
      @RequestParam @Size(max = 100) String prefix,
      @RequestParam(defaultValue = "8") @Min(1) @Max(CatalogSuggester.MAX_SIZE) int size) {
    return new SuggestResponse(prefix, suggester.suggest(prefix, size));
  }

  @GetMapping("/{sku}")
  ProductDetail product(@PathVariable String sku, @RequestParam(required = false) String store) {
    Product product =
        catalog
            .product(sku)
            .orElseThrow(() -> ApiProblem.notFound("no product has the sku '" + sku + "'"));
    Integer available = store == null ? null : availableAt(store, List.of(sku)).get(sku);
    Integer taxRate =
        store == null
            ? null
            : catalog
                .store(store)
                .map(at -> TaxRates.rate(at.country(), product.taxClass()))
                .orElse(null);
    return ProductDetail.of(product, catalog.stats(sku), available, taxRate);
  }

  /** Live available units at a dark store; refuses a store id that names no dark store. */
  private Map<String, Integer> availableAt(String storeId, List<String> skus) {
    if (!catalog.hasStore(storeId)) {
      throw ApiProblem.invalid("store", "no dark store has the id '" + storeId + "'");
    }
    return inventory.available(storeId, skus);
  }

  private static CatalogQuery.SortOrder sortOrder(String sort) {
    try {
      return CatalogQuery.SortOrder.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(
          "sort", "must be one of relevance, price_asc, price_desc, name, rating");
    }
  }
}
