package dev.gridcommerce.domain.inventory;

/** What a staff change of stock came to, and the levels it left (the holds stay in the grid). */
public record StockAnswer(StockLevels levels, StockOutcome outcome) {}
