package dev.gridcommerce.domain.fulfilment;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a product sits in one dark store: a zone (a letter or short code: {@code A}, {@code
 * CHILL}), an aisle and a shelf in it. Locations sort in walking order: zone, then aisle, then
 * shelf.
 */
public record ShelfLocation(String zone, int aisle, int shelf)
    implements Comparable<ShelfLocation> {

  private static final Pattern ZONE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");
  private static final Comparator<ShelfLocation> WALKING_ORDER =
      Comparator.comparing(ShelfLocation::zone)
          .thenComparingInt(ShelfLocation::aisle)
          .thenComparingInt(ShelfLocation::shelf);

  public ShelfLocation {
    Objects.requireNonNull(zone, "zone");
    if (!ZONE.matcher(zone).matches()) {
      throw new IllegalArgumentException(
          "a zone is 1 to 16 capital letters, digits or dashes: " + zone);
    }
    if (aisle < 1 || aisle > 999 || shelf < 1 || shelf > 99) {
      throw new IllegalArgumentException("aisles are 1 to 999 and shelves 1 to 99");
    }
  }

  @Override
  public int compareTo(ShelfLocation other) {
    return WALKING_ORDER.compare(this, other);
  }

  /** How a picker reads it: {@code A-3-2} (zone, aisle, shelf). */
  @Override
  public String toString() {
    return zone + "-" + aisle + "-" + shelf;
  }
}
