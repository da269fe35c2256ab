package dev.gridcommerce.domain.checkout;

import dev.gridcommerce.domain.order.Order;
import java.util.List;
import java.util.Objects;

/** What asking to place an order from a cart came to. */
public sealed interface CheckoutOutcome {

  /** Every line is held and the order is waiting for payment. */
  record Placed(Order order) implements CheckoutOutcome {}

  /** At least one line is short; nothing is held. */
  record Short(List<ShortLine> shortLines) implements CheckoutOutcome {
    public Short {
      shortLines = List.copyOf(shortLines);
    }
  }

  /** The cart can't be checked out as it is; {@code detail} says why in words. */
  record Refused(Refusal reason, String detail) implements CheckoutOutcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** A checkout under the same Idempotency-Key is still running; retry shortly. */
  record InProgress() implements CheckoutOutcome {}

  /** The Idempotency-Key was used for a different request. */
  record KeyReused() implements CheckoutOutcome {}

  /** Why a cart can't be checked out. */
  enum Refusal {
    EMPTY_CART,
    NO_STORE_CHOSEN,
    STORE_GONE,
    PRODUCTS_GONE,
    OUTSIDE_DELIVERY_AREA,
    /** The cart's voucher doesn't apply to it (or no longer exists). */
    VOUCHER_NOT_APPLICABLE,
    /** The cart's voucher has no use left for this shopper (others took them meanwhile). */
    VOUCHER_UNAVAILABLE,
    /** The cart would cost nothing, which no payment can be taken for. */
    NOTHING_TO_PAY,
    /**
     * The store can't deliver the order within the longest it promises (busy, or nobody picking).
     */
    PROMISE_EXCEEDED,
    ORDER_GONE
  }
}
