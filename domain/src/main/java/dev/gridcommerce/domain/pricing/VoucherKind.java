package dev.gridcommerce.domain.pricing;

/** What a voucher takes off. */
public enum VoucherKind {
  /** A share of the goods, in basis points (1000 = 10 %). */
  PERCENTAGE,
  /** A fixed amount off the goods, never more than they cost. */
  FIXED_AMOUNT,
  /** The delivery fee is waived (a small-basket fee is not). */
  FREE_DELIVERY
}
