package dev.gridcommerce.domain.checkout;

/** A cart line the dark store can't fill: how many were asked for and how many are available. */
public record ShortLine(String sku, int requested, int available) {}
