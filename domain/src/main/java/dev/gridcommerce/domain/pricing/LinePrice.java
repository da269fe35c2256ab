package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.Money;

/**
 * What one line of a basket costs: {@code total} (unit price times quantity), the share of the
 * basket's discount taken off it, and the VAT its price after that share contains, at its rate.
 */
public record LinePrice(
    String sku,
    int quantity,
    Money unitPrice,
    Money total,
    Money discount,
    int taxRateBasisPoints,
    Money tax) {}
