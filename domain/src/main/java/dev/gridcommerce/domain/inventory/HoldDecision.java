package dev.gridcommerce.domain.inventory;

/** The stock after a hold request, and what the request came to. */
public record HoldDecision(Stock stock, HoldOutcome outcome) {}
