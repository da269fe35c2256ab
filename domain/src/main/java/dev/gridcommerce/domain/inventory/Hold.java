package dev.gridcommerce.domain.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * Units of one stock entry promised to one holder: an order, or a cart at a store that reserves on
 * add-to-cart (holder id {@code cart:<shopperId>}).
 *
 * <p>A {@link State#HELD} hold is set aside for an unpaid order until {@code expiresAt}; a {@link
 * State#SOLD} hold belongs to a paid order whose units are still on the shelf, waiting to be picked
 * and dispatched. Both count as reserved.
 */
public record Hold(String orderId, int quantity, Instant expiresAt, State state) {

  public enum State {
    HELD,
    SOLD
  }

  public Hold {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a hold is for at least one unit");
    }
  }

  /** The holder id under which a shopper's cart holds units, at a store that reserves on add. */
  public static String cartHolder(String shopperId) {
    return "cart:" + shopperId;
  }

  public static Hold held(String orderId, int quantity, Instant expiresAt) {
    return new Hold(orderId, quantity, expiresAt, State.HELD);
  }

  public boolean isHeld() {
    return state == State.HELD;
  }

  public boolean isSold() {
    return state == State.SOLD;
  }

  Hold sold() {
    return new Hold(orderId, quantity, expiresAt, State.SOLD);
  }

  Hold withQuantity(int newQuantity) {
    return new Hold(orderId, newQuantity, expiresAt, state);
  }
}
