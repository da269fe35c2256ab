package dev.gridcommerce.grid.cart;

import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.domain.pricing.Quote;
import java.util.Map;

/**
 * A cart with today's prices.
 *
 * @param products the catalog's products of the cart's lines; a line whose product left the catalog
 *     has none and is left out of the price
 * @param quote what the cart costs at its dark store, by the one pricing function, line by line and
 *     with what its voucher came to; null until the shopper has chosen a store
 */
public record PricedCart(Cart cart, Map<String, Product> products, Quote quote) {

  public PricedCart {
    products = Map.copyOf(products);
  }

  /** The cart's price breakdown, or null before a store is chosen. */
  public PriceBreakdown price() {
    return quote == null ? null : quote.breakdown();
  }
}
