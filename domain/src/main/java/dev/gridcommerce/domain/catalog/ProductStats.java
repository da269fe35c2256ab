package dev.gridcommerce.domain.catalog;

/**
 * What shoppers did with a product, for ranking: units sold (paid orders, less those cancelled) and
 * its visible reviews' ratings. {@code ratingsVersion} is the version of the reviews the ratings
 * were counted from, so an older count never replaces a newer one.
 */
public record ProductStats(long unitsSold, int ratingCount, long ratingTotal, long ratingsVersion) {

  public static final ProductStats NONE = new ProductStats(0, 0, 0, 0);

  public ProductStats {
    if (ratingCount < 0 || ratingTotal < 0 || ratingTotal > 5L * ratingCount) {
      throw new IllegalArgumentException("ratings are 1 to 5 each");
    }
  }

  /** The average rating, rounded to one decimal; 0 without ratings. */
  public double averageRating() {
    return ratingCount == 0 ? 0 : Math.round(ratingTotal * 10.0 / ratingCount) / 10.0;
  }

  public ProductStats sold(long units) {
    return new ProductStats(
        Math.max(0, unitsSold + units), ratingCount, ratingTotal, ratingsVersion);
  }

  /** These stats with the ratings of reviews at {@code version}, unless they are older. */
  public ProductStats rated(int count, long total, long version) {
    return version <= ratingsVersion ? this : new ProductStats(unitsSold, count, total, version);
  }
}
