package dev.gridcommerce.domain.inventory;

/** What asking to hold units of one stock entry for an order came to. */
public sealed interface HoldOutcome {

  /** The units are held for the order (now, or by an earlier identical request). */
  record Held(int quantity) implements HoldOutcome {}

  /** Not enough available units; nothing was held. */
  record ShortOf(int requested, int available) implements HoldOutcome {}
}
