package dev.gridcommerce.domain.catalog;

import java.util.Objects;

/**
 * A dark store: a small warehouse that delivers to shoppers within its radius.
 *
 * @param reserveOnAddToCart whether a cart line at this store holds its stock as soon as it is
 *     added, rather than at checkout
 * @param currency what the store charges in (ISO 4217); carts and orders there are priced in it
 */
public record DarkStore(
    String id,
    String name,
    GeoPoint location,
    double deliveryRadiusKm,
    boolean reserveOnAddToCart,
    String currency) {

  public DarkStore {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Money.requireCurrency(currency);
    if (!(deliveryRadiusKm > 0)) {
      throw new IllegalArgumentException("delivery radius must be positive");
    }
  }

  public boolean delivers(GeoPoint point) {
    return location.distanceKm(point) <= deliveryRadiusKm;
  }
}
