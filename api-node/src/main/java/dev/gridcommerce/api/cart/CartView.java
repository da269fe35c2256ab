package dev.gridcommerce.api.cart;

import dev.gridcommerce.api.catalog.ProductImages;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.domain.pricing.LinePrice;
import dev.gridcommerce.domain.pricing.PriceBreakdown;
import dev.gridcommerce.domain.pricing.Quote;
import dev.gridcommerce.domain.pricing.VoucherVerdict;
import dev.gridcommerce.grid.cart.PricedCart;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cart as shoppers see it: lines at today's prices with the VAT each contains, the price
 * breakdown of the one pricing function ({@code price}, with {@code total} repeated at the top for
 * convenience), and what its voucher came to. Prices and breakdown are null until the shopper has
 * chosen a dark store, which sets the currency and the rates.
 */
record CartView(
    String storeId,
    List<Line> lines,
    PriceBreakdown price,
    Money total,
    VoucherVerdict voucher,
    Instant updatedAt) {

  /**
   * A line whose product left the catalog (no name or price), or isn't sold at the cart's store
   * (priced in another currency), is not in the total ({@code sold: false}); checkout refuses the
   * cart until it is removed.
   */
  @Schema(name = "CartLine")
  record Line(
      String sku,
      String name,
      String imageUrl,
      int quantity,
      Money unitPrice,
      Money lineTotal,
      Money discount,
      Integer taxRateBasisPoints,
      Money tax,
      boolean sold,
      Substitution substitution) {}

  static CartView of(PricedCart priced) {
    Quote quote = priced.quote();
    Map<String, LinePrice> prices = new HashMap<>();
    if (quote != null) {
      quote.lines().forEach(line -> prices.put(line.sku(), line));
    }
    List<Line> lines =
        priced.cart().lines().stream()
            .map(line -> {
              Product product = priced.products().get(line.sku());
              LinePrice price = prices.get(line.sku());
              if (product == null) {
                return new Line(
                    line.sku(),
                    null,
                    null,
                    line.quantity(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    line.substitution());
              }
              return new Line(
                  line.sku(),
                  product.name(),
                  ProductImages.urlOf(line.sku(), product.imageUrl()),
                  line.quantity(),
                  product.price(),
                  product.price().times(line.quantity()),
                  price == null ? null : price.discount(),
                  price == null ? null : price.taxRateBasisPoints(),
                  price == null ? null : price.tax(),
                  quote == null || price != null,
                  line.substitution());
            })
            .toList();
    PriceBreakdown price = priced.price();
    VoucherVerdict voucher = quote == null ? pending(priced) : quote.voucher();
    return new CartView(
        priced.cart().storeId(),
        lines,
        price,
        price == null ? null : price.total(),
        voucher,
        priced.cart().updatedAt());
  }

  /** A voucher named before a store was chosen: it can't be priced yet. */
  private static VoucherVerdict pending(PricedCart priced) {
    String code = priced.cart().voucherCode();
    return code == null
        ? null
        : new VoucherVerdict(code, false, null, "choose a dark store to see what it takes off");
  }
}
