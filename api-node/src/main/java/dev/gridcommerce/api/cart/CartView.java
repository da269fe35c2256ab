package dev.gridcommerce.api.cart;

import dev.gridcommerce.demo.DemoCatalog;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A cart as shoppers see it: lines at today's prices and the total. */
record CartView(String storeId, List<Line> lines, Money total, Instant updatedAt) {

  record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}

  /** Lines whose product left the catalog are shown without price and left out of the total. */
  static CartView of(Cart cart, Map<String, Product> products) {
    List<Line> lines =
        cart.lines().stream()
            .map(line -> {
              Product product = products.get(line.sku());
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
    Money total =
        lines.stream()
            .map(Line::lineTotal)
            .filter(java.util.Objects::nonNull)
            .reduce(Money::plus)
            .orElse(Money.zero(DemoCatalog.CURRENCY));
    return new CartView(cart.storeId(), lines, total, cart.updatedAt());
  }
}
