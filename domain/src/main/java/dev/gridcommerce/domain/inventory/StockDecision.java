package dev.gridcommerce.domain.inventory;

/** The stock after a requested change, and what the request came to. */
public record StockDecision(Stock stock, StockOutcome outcome) {

  public boolean changed(Stock before) {
    return stock != before;
  }
}
