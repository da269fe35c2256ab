package dev.gridcommerce.domain.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of the units on hand, as the stock-movement ledger records it.
 *
 * @param id unique id; the ledger stores each movement once however often it is replayed
 * @param delta units added (positive) or taken away (negative)
 * @param actor who made the change: a staff user id, or the order id for a dispatch
 * @param onHandAfter units on hand right after the change
 */
public record StockMovement(
    String id,
    int delta,
    MovementReason reason,
    String note,
    String actor,
    Instant at,
    int onHandAfter) {

  public StockMovement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    note = note == null ? "" : note;
    reason.requireFits(delta);
  }
}
