package dev.gridcommerce.domain.checkout;

import dev.gridcommerce.domain.order.Order;
import java.util.List;

/** What placing an order from a cart came to. */
public sealed interface CheckoutOutcome {

  /** Every line is held and the order is waiting for payment. */
  record Placed(Order order) implements CheckoutOutcome {}

  /** At least one line is short; nothing is held. */
  record Short(List<ShortLine> shortLines) implements CheckoutOutcome {
    public Short {
      shortLines = List.copyOf(shortLines);
    }
  }

  /** The cart can't be checked out as it is (empty, no store chosen, unknown product ...). */
  record Refused(String reason) implements CheckoutOutcome {}
}
