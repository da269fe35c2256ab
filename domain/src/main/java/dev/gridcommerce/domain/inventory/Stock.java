package dev.gridcommerce.domain.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stock of one product in one dark store: units on hand and the holds of unpaid orders.
 *
 * <p>{@code reserved} is the sum of the holds, so it can never disagree with them, and the
 * constructor refuses any state where {@code reserved > onHand}: available stock can't go below
 * zero whatever sequence of changes is applied. Every change returns a new value with {@code
 * version} one higher.
 */
public record Stock(int onHand, List<Hold> holds, long version) {

  public Stock {
    Objects.requireNonNull(holds, "holds");
    holds = List.copyOf(holds);
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
  }

  public static Stock of(int onHand) {
    return new Stock(onHand, List.of(), 0);
  }

  public int reserved() {
    return holds.stream().mapToInt(Hold::quantity).sum();
  }

  public int available() {
    return onHand - reserved();
  }

  public Optional<Hold> holdOf(String orderId) {
    return holds.stream().filter(h -> h.orderId().equals(orderId)).findFirst();
  }

  /**
   * Holds {@code quantity} units for the order if that many are available. Idempotent by order id:
   * when the order already holds units here the stock is unchanged and the existing hold is
   * reported, so a retried or duplicated request never holds twice.
   */
  public HoldDecision hold(String orderId, int quantity, Instant expiresAt) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
    Optional<Hold> existing = holdOf(orderId);
    if (existing.isPresent()) {
      return new HoldDecision(this, new HoldOutcome.Held(existing.get().quantity()));
    }
    int available = available();
    if (quantity > available) {
      return new HoldDecision(this, new HoldOutcome.ShortOf(quantity, available));
    }
    List<Hold> next = new ArrayList<>(holds);
    next.add(new Hold(orderId, quantity, expiresAt));
    return new HoldDecision(new Stock(onHand, next, version + 1), new HoldOutcome.Held(quantity));
  }

  /** Returns the order's held units to available stock; unchanged when it holds none. */
  public Stock release(String orderId) {
    if (holdOf(orderId).isEmpty()) {
      return this;
    }
    List<Hold> next = holds.stream().filter(h -> !h.orderId().equals(orderId)).toList();
    return new Stock(onHand, next, version + 1);
  }
}
