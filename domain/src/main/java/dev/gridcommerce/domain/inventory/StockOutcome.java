package dev.gridcommerce.domain.inventory;

/** What asking for a change of one stock entry came to. */
public sealed interface StockOutcome {

  /** The change is applied (now, or by an earlier identical request). */
  record Done(int units) implements StockOutcome {}

  /** Not enough available units; nothing changed. */
  record ShortOf(int requested, int available) implements StockOutcome {}

  /** A stocktake counted against an older state than the current one; nothing changed. */
  record VersionConflict(long expectedVersion, long currentVersion) implements StockOutcome {}

  /** A stocktake counted fewer units than are promised to orders; nothing changed. */
  record BelowReserved(int counted, int reserved) implements StockOutcome {}
}
