package dev.gridcommerce.search;

/**
 * A catalog search: free text (may be blank), optional exact category and brand, an optional price
 * range in minor units, a sort order and a page (0-based).
 */
public record CatalogQuery(
    String text,
    String category,
    String brand,
    Long minPriceMinor,
    Long maxPriceMinor,
    SortOrder sort,
    int page,
    int size) {

  public static final int MAX_SIZE = 100;

  /** Deepest hit a page may reach; deeper paging asks for a narrower query. */
  public static final int MAX_WINDOW = 10_000;

  public enum SortOrder {
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    NAME,
    /** Best average rating first, more ratings first on a tie, unrated last. */
    RATING
  }

  public CatalogQuery {
    text = text == null ? "" : text.strip();
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
    if ((long) (page + 1) * size > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "page * size may reach at most " + MAX_WINDOW + " hits; narrow the query instead");
    }
    if (minPriceMinor != null && maxPriceMinor != null && minPriceMinor > maxPriceMinor) {
      throw new IllegalArgumentException("minPrice must not exceed maxPrice");
    }
  }

  public static CatalogQuery text(String text) {
    return new CatalogQuery(text, null, null, null, null, SortOrder.RELEVANCE, 0, 20);
  }
}
