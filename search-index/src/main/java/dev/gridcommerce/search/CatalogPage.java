package dev.gridcommerce.search;

import dev.gridcommerce.domain.catalog.Money;
import java.util.List;
import java.util.Map;

/**
 * One page of search hits, the total number of hits, and facet counts over all of them; {@code
 * approximate} when nothing matched the words as typed and these hits forgive a typo.
 */
public record CatalogPage(
    long total, List<Hit> items, Map<String, List<FacetCount>> facets, boolean approximate) {

  public CatalogPage {
    items = List.copyOf(items);
    facets = Map.copyOf(facets);
  }

  public CatalogPage(long total, List<Hit> items, Map<String, List<FacetCount>> facets) {
    this(total, items, facets, false);
  }

  /**
   * A matching product as the index knows it (stock is live data and not indexed), with its average
   * rating and how many ratings it has.
   */
  public record Hit(
      String sku,
      String name,
      String brand,
      String category,
      Money price,
      String imageUrl,
      double ratingAverage,
      int ratingCount) {}

  public record FacetCount(String value, long count) {}
}
