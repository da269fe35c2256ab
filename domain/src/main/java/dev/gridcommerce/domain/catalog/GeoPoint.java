package dev.gridcommerce.domain.catalog;

/** A point on the earth in decimal degrees (WGS 84). */
public record GeoPoint(double lat, double lon) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!isValid(lat, lon)) {
      throw new IllegalArgumentException(
          "latitude must be in [-90, 90] and longitude in [-180, 180]");
    }
  }

  /** Whether the coordinates name a point: latitude in [-90, 90], longitude in [-180, 180]. */
  public static boolean isValid(double lat, double lon) {
    return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
  }

  /** Great-circle distance by the haversine formula. */
  public double distanceKm(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
