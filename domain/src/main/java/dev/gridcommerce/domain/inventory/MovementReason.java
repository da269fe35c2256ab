package dev.gridcommerce.domain.inventory;

/** Why units on hand changed. Each reason allows only the direction of change that fits it. */
public enum MovementReason {
  /** Units received from a supplier. */
  DELIVERY(Direction.IN),
  /** Units a customer brought back in sellable condition. */
  CUSTOMER_RETURN(Direction.IN),
  /** Units written off as damaged. */
  DAMAGED(Direction.OUT),
  /** Units written off past their best-before date. */
  EXPIRED(Direction.OUT),
  /** Units that can't be found. */
  LOST(Direction.OUT),
  /** A booking error put right, either way. */
  CORRECTION(Direction.EITHER),
  /** A stocktake count set the units on hand. */
  STOCKTAKE(Direction.EITHER),
  /** Sold units left the store with an order. */
  DISPATCH(Direction.OUT);

  private enum Direction {
    IN,
    OUT,
    EITHER
  }

  private final Direction direction;

  MovementReason(Direction direction) {
    this.direction = direction;
  }

  /** Whether staff may book this reason by hand (stocktakes and dispatches have their own flow). */
  public boolean isManualAdjustment() {
    return this != STOCKTAKE && this != DISPATCH;
  }

  /** Whether a change of {@code delta} units fits this reason's direction. */
  public boolean fits(int delta) {
    return switch (direction) {
      case IN -> delta > 0;
      case OUT -> delta < 0;
      case EITHER -> delta != 0 || this == STOCKTAKE;
    };
  }

  /** What this reason's direction asks of a change, in words. */
  public String directionRule() {
    return name()
        + switch (direction) {
          case IN -> " adds units: delta must be positive";
          case OUT -> " takes units away: delta must be negative";
          case EITHER -> " must change the units on hand";
        };
  }

  /** Refuses a delta whose direction doesn't fit this reason. */
  public void requireFits(int delta) {
    if (!fits(delta)) {
      throw new IllegalArgumentException(directionRule());
    }
  }
}
