package dev.gridcommerce.domain.inventory;

import dev.gridcommerce.domain.inventory.StockOutcome.BelowReserved;
import dev.gridcommerce.domain.inventory.StockOutcome.Done;
import dev.gridcommerce.domain.inventory.StockOutcome.ShortOf;
import dev.gridcommerce.domain.inventory.StockOutcome.VersionConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;

/**
 * The stock of one product in one dark store: units on hand, the holds promised to orders, and the
 * latest movements of the units on hand. Immutable: every change returns a new value with {@code
 * version} one higher; {@code onHandVersion} moves only when the units on hand change, and is what
 * a stocktake names to show which count it corrects.
 *
 * <p>Rule 1: {@code reserved} (the sum of the holds, paid or not) never exceeds {@code onHand}, so
 * available stock can't go below zero whatever sequence of changes is applied. A restored value
 * ({@link #Stock(int, Collection, List, long, long)}) is checked whole; a change is checked on what
 * it changes, against running totals, so it costs the same whether the entry has no holds or
 * 50,000: the holds are a persistent (structure-sharing) map by holder, the unpaid ones are also
 * ordered by expiry ({@link HeldByExpiry}), and the holders each change touched are journaled
 * ({@link HoldJournal}) so that storing the entry writes only what changed.
 *
 * <p>Every change is idempotent: holds by holder id, movements by movement id. The last {@value
 * #MOVEMENTS_KEPT} movements stay here, so a replayed adjustment is recognised and the ledger
 * (written with the stock, in one transaction) gets every movement once.
 */
public final class Stock {

  public static final int MOVEMENTS_KEPT = 64;

  private final int onHand;
  private final HashPMap<String, Hold> holds;
  private final HeldByExpiry heldByExpiry;
  private final int reserved;
  private final int sold;
  private final List<StockMovement> movements;
  private final long version;
  private final long onHandVersion;
  private final HoldJournal journal;

  /** Restores a stored value, checking every rule on the whole of it. */
  public Stock(
      int onHand,
      Collection<Hold> holds,
      List<StockMovement> movements,
      long version,
      long onHandVersion) {
    this(
        onHand,
        byHolder(holds),
        HeldByExpiry.of(holds),
        holds.stream().mapToInt(Hold::quantity).reduce(0, Math::addExact),
        holds.stream().filter(Hold::isSold).mapToInt(Hold::quantity).sum(),
        movements,
        version,
        onHandVersion,
        HoldJournal.startingAt(version));
  }

  private static HashPMap<String, Hold> byHolder(Collection<Hold> holds) {
    HashPMap<String, Hold> byHolder = HashTreePMap.empty();
    for (Hold hold : holds) {
      if (byHolder.containsKey(hold.orderId())) {
        throw new IllegalArgumentException("an order holds at most once per stock entry");
      }
      byHolder = byHolder.plus(hold.orderId(), hold);
    }
    return byHolder;
  }

  private Stock(
      int onHand,
      HashPMap<String, Hold> holds,
      HeldByExpiry heldByExpiry,
      int reserved,
      int sold,
      List<StockMovement> movements,
      long version,
      long onHandVersion,
      HoldJournal journal) {
    if (onHand < 0) {
      throw new IllegalArgumentException("on-hand stock can't be negative: " + onHand);
    }
    if (reserved > onHand) {
      throw new IllegalArgumentException(
          "reserved (" + reserved + ") can't exceed on-hand stock (" + onHand + ")");
    }
    if (movements.size() > MOVEMENTS_KEPT) {
      throw new IllegalArgumentException(
          "at most " + MOVEMENTS_KEPT + " recent movements are kept");
    }
    this.onHand = onHand;
    this.holds = holds;
    this.heldByExpiry = heldByExpiry;
    this.reserved = reserved;
    this.sold = sold;
    this.movements = List.copyOf(movements);
    this.version = version;
    this.onHandVersion = onHandVersion;
    this.journal = journal;
  }

  public static Stock of(int onHand) {
    return new Stock(onHand, List.of(), List.of(), 0, 0);
  }

  public int onHand() {
    return onHand;
  }

  /** Every hold, paid or not, in no particular order. */
  public Collection<Hold> holds() {
    return Collections.unmodifiableCollection(holds.values());
  }

  public List<StockMovement> movements() {
    return movements;
  }

  public long version() {
    return version;
  }

  public long onHandVersion() {
    return onHandVersion;
  }

  /** Units promised to orders, paid or not. */
  public int reserved() {
    return reserved;
  }

  /** Units paid for and waiting on the shelf to be dispatched. */
  public int sold() {
    return sold;
  }

  public int available() {
    return onHand - reserved;
  }

  public StockLevels levels() {
    return new StockLevels(onHand, reserved, sold, onHandVersion);
  }

  public Optional<Hold> holdOf(String orderId) {
    return Optional.ofNullable(holds.get(orderId));
  }

  /** Held (unpaid) holds whose time is up, earliest first. */
  public List<Hold> expiredHolds(Instant now) {
    return heldByExpiry.holdersDueAt(now).stream().map(holds::get).toList();
  }

  /** When the earliest unpaid hold expires, or {@link Long#MAX_VALUE} when none is unpaid. */
  public long nextExpiryMillis() {
    return heldByExpiry.earliestMillis();
  }

  /**
   * The holders whose hold changed (appeared, changed or went) after {@code storedVersion} of this
   * entry, or empty when the journal no longer reaches back that far (then the whole entry must be
   * stored). Writing the current hold of each, or deleting it when it is gone, turns a stored copy
   * of version {@code storedVersion} into this one.
   */
  public Optional<Collection<String>> holdersChangedSince(long storedVersion) {
    return journal.holdersChangedAfter(storedVersion, version);
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
    Hold existing = holds.get(orderId);
    if (existing != null) {
      return unchanged(new Done(existing.quantity()));
    }
    Hold from = fromHolder == null ? null : heldBy(fromHolder);
    int taken = from == null ? 0 : Math.min(quantity, from.quantity());
    if (quantity - taken > available()) {
      return unchanged(new ShortOf(quantity, available() + taken));
    }
    Change change = new Change();
    if (from != null) {
      change.put(from.quantity() > taken ? from.withQuantity(from.quantity() - taken) : null, from);
    }
    change.put(Hold.held(orderId, quantity, expiresAt), null);
    return change.done(new Done(quantity));
  }

  /**
   * Sets what a holder (a cart) holds to exactly {@code quantity} units (0 releases it), with a new
   * expiry. Growing the hold needs the extra units to be available.
   */
  public StockDecision holdExactly(String holderId, int quantity, Instant expiresAt) {
    Hold existing = heldBy(holderId);
    int current = existing == null ? 0 : existing.quantity();
    if (quantity - current > available()) {
      return unchanged(new ShortOf(quantity, available() + current));
    }
    if (quantity == 0 && existing == null) {
      return unchanged(new Done(0));
    }
    Change change = new Change();
    change.put(quantity > 0 ? Hold.held(holderId, quantity, expiresAt) : null, existing);
    return change.done(new Done(quantity));
  }

  /**
   * Moves everything {@code fromHolder} holds unpaid to {@code toHolder}, with a new expiry: a
   * checkout that failed hands its units back to the cart that reserved them, with no moment in
   * between when another shopper could take them.
   */
  public StockDecision moveHeld(String fromHolder, String toHolder, Instant expiresAt) {
    Hold from = heldBy(fromHolder);
    if (from == null) {
      return unchanged(new Done(0));
    }
    Hold to = heldBy(toHolder);
    int units = from.quantity() + (to == null ? 0 : to.quantity());
    Change change = new Change();
    change.put(null, from);
    change.put(Hold.held(toHolder, units, expiresAt), to);
    return change.done(new Done(from.quantity()));
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
    Hold existing = holds.get(orderId);
    if (existing != null && existing.isSold()) {
      return unchanged(new Done(existing.quantity()));
    }
    int held = existing == null ? 0 : existing.quantity();
    if (quantity - held > available()) {
      return unchanged(new ShortOf(quantity, available() + held));
    }
    Instant expiresAt = existing == null ? Instant.EPOCH : existing.expiresAt();
    Change change = new Change();
    change.put(new Hold(orderId, quantity, expiresAt, Hold.State.SOLD), existing);
    return change.done(new Done(quantity));
  }

  /**
   * Keeps only {@code units} of the order's sold units (a line short at picking): the rest go back
   * to available stock. Idempotent: when the order has no more sold units than that, nothing
   * changes. Answers how many units went back.
   */
  public StockDecision keepSold(String orderId, int units) {
    if (units < 0) {
      throw new IllegalArgumentException("units kept can't be negative");
    }
    Hold sold = holdOf(orderId).filter(Hold::isSold).orElse(null);
    if (sold == null || sold.quantity() <= units) {
      return unchanged(new Done(0));
    }
    Change change = new Change();
    change.put(units == 0 ? null : sold.withQuantity(units), sold);
    return change.done(new Done(sold.quantity() - units));
  }

  /**
   * The order's sold units leave the store: they stop being reserved and leave the units on hand,
   * recorded as a {@link MovementReason#DISPATCH} movement. Nothing to dispatch is a no-op.
   */
  public StockDecision dispatch(String orderId, String movementId, Instant at) {
    Hold sold = holdOf(orderId).filter(Hold::isSold).orElse(null);
    if (sold == null || hasMovement(movementId)) {
      return unchanged(new Done(0));
    }
    int units = sold.quantity();
    Change change = new Change();
    change.put(null, sold);
    change.move(
        new StockMovement(
            movementId, -units, MovementReason.DISPATCH, "", orderId, at, onHand - units));
    return change.done(new Done(units));
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
    if (onHand + delta < reserved) {
      return unchanged(new ShortOf(-delta, available()));
    }
    Change change = new Change();
    change.move(new StockMovement(movementId, delta, reason, note, actor, at, onHand + delta));
    return change.done(new Done(delta));
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
    if (counted < reserved) {
      return unchanged(new BelowReserved(counted, reserved));
    }
    Change change = new Change();
    change.move(
        new StockMovement(
            movementId, counted - onHand, MovementReason.STOCKTAKE, note, actor, at, counted));
    return change.done(new Done(counted));
  }

  private StockDecision remove(String orderId, Hold.State state) {
    Hold hold = holdOf(orderId).filter(h -> h.state() == state).orElse(null);
    if (hold == null) {
      return unchanged(new Done(0));
    }
    Change change = new Change();
    change.put(null, hold);
    return change.done(new Done(hold.quantity()));
  }

  /** The holder's unpaid hold, or null. */
  private Hold heldBy(String holderId) {
    Hold hold = holds.get(holderId);
    return hold != null && hold.isHeld() ? hold : null;
  }

  private boolean hasMovement(String movementId) {
    return movements.stream().anyMatch(m -> m.id().equals(movementId));
  }

  private StockDecision unchanged(StockOutcome outcome) {
    return new StockDecision(this, outcome);
  }

  private static void requirePositive(int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
  }

  /**
   * One change being built: holds replaced one by one, the running totals kept with them, and at
   * most a movement of the units on hand; {@link #done} checks rule 1 on the result.
   */
  private final class Change {
    private final long nextVersion = version + 1;
    private HashPMap<String, Hold> nextHolds = holds;
    private HeldByExpiry nextHeldByExpiry = heldByExpiry;
    private HoldJournal nextJournal = journal;
    private int nextReserved = reserved;
    private int nextSold = sold;
    private StockMovement movement;

    /**
     * Replaces {@code previous} (null: the holder held nothing) by {@code next} (null: nothing).
     */
    void put(Hold next, Hold previous) {
      if (previous != null) {
        nextHolds = nextHolds.minus(previous.orderId());
        nextHeldByExpiry = nextHeldByExpiry.minus(previous);
        nextReserved -= previous.quantity();
        nextSold -= previous.isSold() ? previous.quantity() : 0;
      }
      if (next != null) {
        if (previous == null && nextHolds.containsKey(next.orderId())) {
          throw new IllegalStateException("an order holds at most once per stock entry");
        }
        nextHolds = nextHolds.plus(next.orderId(), next);
        nextHeldByExpiry = nextHeldByExpiry.plus(next);
        nextReserved = Math.addExact(nextReserved, next.quantity());
        nextSold += next.isSold() ? next.quantity() : 0;
      }
      String holder = next != null ? next.orderId() : previous.orderId();
      nextJournal = nextJournal.changed(holder, nextVersion, nextHolds.size());
    }

    void move(StockMovement movement) {
      this.movement = movement;
    }

    StockDecision done(StockOutcome outcome) {
      List<StockMovement> nextMovements = movements;
      int nextOnHand = onHand;
      if (movement != null) {
        List<StockMovement> appended = new ArrayList<>(movements);
        appended.add(movement);
        nextMovements =
            appended.size() > MOVEMENTS_KEPT
                ? appended.subList(appended.size() - MOVEMENTS_KEPT, appended.size())
                : appended;
        nextOnHand = movement.onHandAfter();
      }
      return new StockDecision(
          new Stock(
              nextOnHand,
              nextHolds,
              nextHeldByExpiry,
              nextReserved,
              nextSold,
              nextMovements,
              nextVersion,
              movement != null ? onHandVersion + 1 : onHandVersion,
              nextJournal),
          outcome);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Stock that
        && onHand == that.onHand
        && version == that.version
        && onHandVersion == that.onHandVersion
        && holds.equals(that.holds)
        && movements.equals(that.movements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onHand, holds, movements, version, onHandVersion);
  }

  @Override
  public String toString() {
    return "Stock[onHand=%d, reserved=%d, sold=%d, holds=%d, version=%d, onHandVersion=%d]"
        .formatted(onHand, reserved, sold, holds.size(), version, onHandVersion);
  }
}
