package dev.gridcommerce.grid.payment;

/**
 * What one reconciliation found: how many unpaid orders it asked the provider about, how many it
 * paid (their success had not arrived), cancelled (their intent was cancelled), how many it could
 * not ask (the provider was unavailable; the next run asks again), and how many refunds it made
 * that had failed before.
 */
public record Reconciliation(int checked, int paid, int cancelled, int unreachable, int refunded) {

  public boolean didSomething() {
    return paid > 0 || cancelled > 0 || unreachable > 0 || refunded > 0;
  }
}
