package dev.gridcommerce.domain.inventory;

import dev.gridcommerce.domain.inventory.StockOutcome.BelowReserved;
import dev.gridcommerce.domain.inventory.StockOutcome.Done;
import dev.gridcommerce.domain.inventory.StockOutcome.ShortOf;
import dev.gridcommerce.domain.inventory.StockOutcome.VersionConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stock of one product in one dark store: units on hand, the holds promised to orders, and the
 * latest movements of the units on hand.
 *
 * <p>{@code reserved} is the sum of the holds, so it can never disagree with them, and the
 * constructor refuses any state where {@code reserved > onHand}: available stock can't go below
 * zero whatever sequence of changes is applied. Every change returns a new value with {@code
 * version} one higher; {@code onHandVersion} moves only when the units on hand change, and is what
 * a stocktake names to show which count it corrects.
 *
 * <p>Every change is idempotent: holds by order id, movements by movement id. The last {@value
 * #MOVEMENTS_KEPT} movements stay here, so a replayed adjustment is recognised and the ledger
 * (written with the stock, in one transaction) gets every movement once.
 */
public record Stock(
    int onHand, List<Hold> holds, List<StockMovement> movements, long version, long onHandVersion) {

  public static final int MOVEMENTS_KEPT = 64;

  public Stock {
    Objects.requireNonNull(holds, "holds");
    holds = List.copyOf(holds);
    movements = List.copyOf(movements);
    if (onHand < 0) {
      throw new IllegalArgumentException("on-hand stock can't be negative: " + onHand);
    }
    if (new HashSet<>(holds.stream().map(Hold::orderId).toList()).size() != holds.size()) {
      throw new IllegalArgumentException("an order holds at most once per stock entry");
    }
    int reserved = holds.stream().mapToInt(Hold::quantity).sum();
    if (reserved > onHand) {
      throw new IllegalArgumentException(
          "reserved (" + reserved + ") can't exceed on-hand stock (" + onHand + ")");
    }
    if (movements.size() > MOVEMENTS_KEPT) {
      throw new IllegalArgumentException(
          "at most " + MOVEMENTS_KEPT + " recent movements are kept");
    }
  }

  public static Stock of(int onHand) {
    return new Stock(onHand, List.of(), List.of(), 0, 0);
  }

  /** Units promised to orders, paid or not. */
  public int reserved() {
    return holds.stream().mapToInt(Hold::quantity).sum();
  }

  /** Units paid for and waiting on the shelf to be dispatched. */
  public int sold() {
    return holds.stream().filter(Hold::isSold).mapToInt(Hold::quantity).sum();
  }

  public int available() {
    return onHand - reserved();
  }

  public Optional<Hold> holdOf(String orderId) {
    return holds.stream().filter(h -> h.orderId().equals(orderId)).findFirst();
  }

  /** Held (unpaid) holds whose time is up. */
  public List<Hold> expiredHolds(Instant now) {
    return holds.stream().filter(h -> h.isExpiredAt(now)).toList();
  }

  /**
   * Holds {@code quantity} units for the order if that many are available. When the order already
   * holds units here, nothing changes and the existing hold is reported, so a retried or duplicated
   * request never holds twice.
   */
  public StockDecision hold(String orderId, int quantity, Instant expiresAt) {
    return holdMoving(orderId, quantity, expiresAt, null);
  }

  /**
   * Holds units for the order, taking first the units held by {@code fromHolder} (a cart that
   * reserved on add-to-cart), then available ones. All or nothing.
   */
  public StockDecision holdMoving(
      String orderId, int quantity, Instant expiresAt, String fromHolder) {
    requirePositive(quantity);
    Optional<Hold> existing = holdOf(orderId);
    if (existing.isPresent()) {
      return unchanged(new Done(existing.get().quantity()));
    }
    Hold from = fromHolder == null ? null : holdOf(fromHolder).filter(Hold::isHeld).orElse(null);
    int taken = from == null ? 0 : Math.min(quantity, from.quantity());
    if (quantity - taken > available()) {
      return unchanged(new ShortOf(quantity, available() + taken));
    }
    List<Hold> next = new ArrayList<>(holds.size() + 1);
    for (Hold hold : holds) {
      if (hold != from) {
        next.add(hold);
      } else if (hold.quantity() > taken) {
        next.add(hold.withQuantity(hold.quantity() - taken));
      }
    }
    next.add(Hold.held(orderId, quantity, expiresAt));
    return changed(onHand, next, movements, new Done(quantity), false);
  }

  /**
   * Sets what a holder (a cart) holds to exactly {@code quantity} units (0 releases it), with a new
   * expiry. Growing the hold needs the extra units to be available.
   */
  public StockDecision holdExactly(String holderId, int quantity, Instant expiresAt) {
    Optional<Hold> existing = holdOf(holderId).filter(Hold::isHeld);
    int current = existing.map(Hold::quantity).orElse(0);
    if (quantity - current > available()) {
      return unchanged(new ShortOf(quantity, available() + current));
    }
    List<Hold> next = new ArrayList<>(without(holderId, Hold.State.HELD));
    if (quantity > 0) {
      next.add(Hold.held(holderId, quantity, expiresAt));
    } else if (existing.isEmpty()) {
      return unchanged(new Done(0));
    }
    return changed(onHand, next, movements, new Done(quantity), false);
  }

  /**
   * Moves everything {@code fromHolder} holds unpaid to {@code toHolder}, with a new expiry: a
   * checkout that failed hands its units back to the cart that reserved them, with no moment in
   * between when another shopper could take them.
   */
  public StockDecision moveHeld(String fromHolder, String toHolder, Instant expiresAt) {
    Optional<Hold> from = holdOf(fromHolder).filter(Hold::isHeld);
    if (from.isEmpty()) {
      return unchanged(new Done(0));
    }
    int units =
        from.get().quantity() + holdOf(toHolder).filter(Hold::isHeld).map(Hold::quantity).orElse(0);
    List<Hold> next =
        new ArrayList<>(
            holds.stream()
                .filter(h ->
                    !(h.isHeld()
                        && (h.orderId().equals(fromHolder) || h.orderId().equals(toHolder))))
                .toList());
    next.add(Hold.held(toHolder, units, expiresAt));
    return changed(onHand, next, movements, new Done(from.get().quantity()), false);
  }

  /** Returns the order's unpaid units to available stock; sold units are never touched here. */
  public StockDecision release(String orderId) {
    return remove(orderId, Hold.State.HELD);
  }

  /** Returns the units of a paid order that was cancelled before dispatch to available stock. */
  public StockDecision returnSold(String orderId) {
    return remove(orderId, Hold.State.SOLD);
  }

  /**
   * Marks the order's units as sold: its held units become sold, or, when its hold is gone (the
   * order expired before the payment arrived), available units are sold if there are enough.
   * Idempotent: units already sold to the order stay as they are.
   */
  public StockDecision sell(String orderId, int quantity) {
    requirePositive(quantity);
    Optional<Hold> existing = holdOf(orderId);
    if (existing.isPresent() && existing.get().isSold()) {
      return unchanged(new Done(existing.get().quantity()));
    }
    int held = existing.map(Hold::quantity).orElse(0);
    if (quantity - held > available()) {
      return unchanged(new ShortOf(quantity, available() + held));
    }
    List<Hold> next = new ArrayList<>(without(orderId, Hold.State.HELD));
    next.add(
        new Hold(
            orderId,
            quantity,
            existing.map(Hold::expiresAt).orElse(Instant.EPOCH),
            Hold.State.SOLD));
    return changed(onHand, next, movements, new Done(quantity), false);
  }

  /**
   * The order's sold units leave the store: they stop being reserved and leave the units on hand,
   * recorded as a {@link MovementReason#DISPATCH} movement. Nothing to dispatch is a no-op.
   */
  public StockDecision dispatch(String orderId, String movementId, Instant at) {
    Optional<Hold> sold = holdOf(orderId).filter(Hold::isSold);
    if (sold.isEmpty() || hasMovement(movementId)) {
      return unchanged(new Done(0));
    }
    int units = sold.get().quantity();
    StockMovement movement =
        new StockMovement(
            movementId, -units, MovementReason.DISPATCH, "", orderId, at, onHand - units);
    return changed(
        onHand - units,
        without(orderId, Hold.State.SOLD),
        withMovement(movement),
        new Done(units),
        true);
  }

  /**
   * Receives ({@code delta > 0}) or writes off ({@code delta < 0}) units on hand. Refused when it
   * would leave fewer units on hand than are promised to orders.
   */
  public StockDecision adjust(
      String movementId, int delta, MovementReason reason, String note, String actor, Instant at) {
    if (!reason.isManualAdjustment()) {
      throw new IllegalArgumentException(reason + " is not a manual adjustment");
    }
    if (hasMovement(movementId)) {
      return unchanged(new Done(delta));
    }
    if (onHand + delta < reserved()) {
      return unchanged(new ShortOf(-delta, available()));
    }
    StockMovement movement =
        new StockMovement(movementId, delta, reason, note, actor, at, onHand + delta);
    return changed(onHand + delta, holds, withMovement(movement), new Done(delta), true);
  }

  /**
   * Sets the units on hand to a stocktake's count, if the count was made against the current {@code
   * onHandVersion} and is not below the units promised to orders.
   */
  public StockDecision count(
      String movementId,
      int counted,
      long expectedOnHandVersion,
      String note,
      String actor,
      Instant at) {
    if (counted < 0) {
      throw new IllegalArgumentException("a count can't be negative");
    }
    if (hasMovement(movementId)) {
      return unchanged(new Done(counted));
    }
    if (expectedOnHandVersion != onHandVersion) {
      return unchanged(new VersionConflict(expectedOnHandVersion, onHandVersion));
    }
    if (counted < reserved()) {
      return unchanged(new BelowReserved(counted, reserved()));
    }
    StockMovement movement =
        new StockMovement(
            movementId, counted - onHand, MovementReason.STOCKTAKE, note, actor, at, counted);
    return changed(counted, holds, withMovement(movement), new Done(counted), true);
  }

  private StockDecision remove(String orderId, Hold.State state) {
    Optional<Hold> hold = holdOf(orderId).filter(h -> h.state() == state);
    if (hold.isEmpty()) {
      return unchanged(new Done(0));
    }
    return changed(
        onHand, without(orderId, state), movements, new Done(hold.get().quantity()), false);
  }

  private List<Hold> without(String orderId, Hold.State state) {
    return holds.stream()
        .filter(h -> !(h.orderId().equals(orderId) && h.state() == state))
        .toList();
  }

  private boolean hasMovement(String movementId) {
    return movements.stream().anyMatch(m -> m.id().equals(movementId));
  }

  private List<StockMovement> withMovement(StockMovement movement) {
    List<StockMovement> next = new ArrayList<>(movements);
    next.add(movement);
    return next.size() > MOVEMENTS_KEPT
        ? next.subList(next.size() - MOVEMENTS_KEPT, next.size())
        : next;
  }

  private StockDecision unchanged(StockOutcome outcome) {
    return new StockDecision(this, outcome);
  }

  private StockDecision changed(
      int newOnHand,
      List<Hold> newHolds,
      List<StockMovement> newMovements,
      StockOutcome outcome,
      boolean onHandChanged) {
    return new StockDecision(
        new Stock(
            newOnHand,
            newHolds,
            newMovements,
            version + 1,
            onHandChanged ? onHandVersion + 1 : onHandVersion),
        outcome);
  }

  private static void requirePositive(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
  }
}
