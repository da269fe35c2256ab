package dev.gridcommerce.domain.catalog;

import java.util.Objects;

/**
 * A dark store: a small warehouse that delivers to shoppers within its radius.
 *
 * @param reserveOnAddToCart whether a cart line at this store holds its stock as soon as it is
 *     added, rather than at checkout
 * @param currency what the store charges in (ISO 4217); carts and orders there are priced in it
 * @param country where the store sells (ISO 3166 alpha-2): its VAT rates apply
 * @param deliveryTerms the delivery fee and small-basket fee it charges, in its currency
 */
public record DarkStore(
    String id,
    String name,
    GeoPoint location,
    double deliveryRadiusKm,
    boolean reserveOnAddToCart,
    String currency,
    String country,
    DeliveryTerms deliveryTerms) {

  /** A store in Germany that delivers for free. */
  public DarkStore(
      String id,
      String name,
      GeoPoint location,
      double deliveryRadiusKm,
      boolean reserveOnAddToCart,
      String currency) {
    this(
        id,
        name,
        location,
        deliveryRadiusKm,
        reserveOnAddToCart,
        currency,
        "DE",
        DeliveryTerms.free(currency));
  }

  public DarkStore {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Money.requireCurrency(currency);
    Objects.requireNonNull(deliveryTerms, "deliveryTerms");
    if (!deliveryTerms.currency().equals(currency)) {
      throw new IllegalArgumentException(
          "a store's delivery terms are in its currency, " + currency);
    }
    if (country == null || !TaxRates.knows(country)) {
      throw new IllegalArgumentException(
          "country must be an ISO 3166 alpha-2 code whose VAT rates are known: " + country);
    }
    if (!(deliveryRadiusKm > 0)) {
      throw new IllegalArgumentException("delivery radius must be positive");
    }
  }

  /** Whether the store can sell the product: one priced in its currency. */
  public boolean sells(Product product) {
    return product != null && product.price().currency().equals(currency);
  }

  public boolean delivers(GeoPoint point) {
    return location.distanceKm(point) <= deliveryRadiusKm;
  }
}
