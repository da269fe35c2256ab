package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;

/**
 * What a basket's voucher came to: applied, saving {@code saving}, or not, and why in words.
 *
 * @param reason why the voucher doesn't apply; null when it does
 */
public record VoucherVerdict(String code, boolean applied, Money saving, String reason) {}
