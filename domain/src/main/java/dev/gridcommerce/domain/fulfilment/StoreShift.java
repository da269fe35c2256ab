package dev.gridcommerce.domain.fulfilment;

import java.util.Objects;

/**
 * Whether a dark store takes orders now, and how many pickers are on shift: what its delivery
 * promise is made with. A closed store (or one nobody picks at) promises nothing and is skipped
 * when the nearest store is chosen.
 */
public record StoreShift(String storeId, boolean open, int pickers) {

  public static final int MAX_PICKERS = 200;

  public StoreShift {
    Objects.requireNonNull(storeId, "storeId");
    if (pickers < 0 || pickers > MAX_PICKERS) {
      throw new IllegalArgumentException("pickers on shift are 0 to " + MAX_PICKERS);
    }
  }

  /** The pickers the promise counts: none while the store is closed. */
  public int pickersPicking() {
    return open ? pickers : 0;
  }
}
