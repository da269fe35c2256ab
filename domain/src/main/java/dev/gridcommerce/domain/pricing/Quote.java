package dev.gridcommerce.domain.pricing;

import java.util.List;

/**
 * A priced basket: each line with its discount share and VAT, the breakdown, and what its voucher
 * came to (null without one).
 */
public record Quote(List<LinePrice> lines, PriceBreakdown breakdown, VoucherVerdict voucher) {

  public Quote {
    lines = List.copyOf(lines);
  }

  /** The code of the voucher that applied, or null. */
  public String appliedVoucher() {
    return voucher != null && voucher.applied() ? voucher.code() : null;
  }
}
