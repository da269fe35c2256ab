package dev.gridcommerce.api.cart;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.grid.cart.PricedCart;
import java.time.Instant;
import java.util.List;

/**
 * A cart as shoppers see it: lines at today's prices and the price breakdown of the one pricing
 * function ({@code price}, with {@code total} repeated at the top for convenience). Both are null
 * until the shopper has chosen a dark store, which sets the currency.
 */
record CartView(
    String storeId, List<Line> lines, PriceBreakdown price, Money total, Instant updatedAt) {

  /** A line whose product left the catalog has no name or price and is not in the total. */
  record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}

  static CartView of(PricedCart priced) {
    List<Line> lines =
        priced.cart().lines().stream()
            .map(line -> {
              Product product = priced.products().get(line.sku());
              return product == null
                  ? new Line(line.sku(), null, line.quantity(), null, null)
                  : new Line(
                      line.sku(),
                      product.name(),
                      line.quantity(),
                      product.price(),
                      product.price().times(line.quantity()));
            })
            .toList();
    PriceBreakdown price = priced.price();
    return new CartView(
        priced.cart().storeId(),
        lines,
        price,
        price == null ? null : price.total(),
        priced.cart().updatedAt());
  }
}
