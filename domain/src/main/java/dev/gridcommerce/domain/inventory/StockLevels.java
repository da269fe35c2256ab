package dev.gridcommerce.domain.inventory;

/**
 * The counts of one stock entry, without its holds: what a shelf, a search result or a staff screen
 * shows, and small whatever the number of holds. {@code onHandVersion} is what a stocktake names to
 * show which count it corrects.
 */
public record StockLevels(int onHand, int reserved, int sold, long onHandVersion) {

  public int available() {
    return onHand - reserved;
  }
}
