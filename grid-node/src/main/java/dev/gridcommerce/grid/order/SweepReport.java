package dev.gridcommerce.grid.order;

/** What one pass of the sweep did. */
public record SweepReport(int expiredOrders, int settledOrders, int releasedHolds) {

  public boolean didSomething() {
    return expiredOrders + settledOrders + releasedHolds > 0;
  }
}
