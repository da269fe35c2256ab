package dev.gridcommerce.grid.order;

import com.hazelcast.map.EntryProcessor;
import dev.gridcommerce.domain.order.IllegalTransitionException;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.StockChangePendingException;
import dev.gridcommerce.grid.order.OrderChange.Verdict;
import java.util.Map;

/**
 * An entry processor that changes one order by a domain function and answers an {@link
 * OrderChange}. The order's key is the one place where its status changes are serialized: of a
 * payment and an expiry arriving together, exactly one wins. The domain function appends the
 * change's {@link dev.gridcommerce.domain.order.OrderEvent} to the order in the same step, so the
 * change and its event are stored, replicated and lost only together.
 *
 * <p>Runs on the partition thread owning the order; the backup runs the same processor, with the
 * same time and event id carried in it, and reaches the same state. Refusals of the state machine
 * come back as verdicts, not exceptions, so a client on another JVM reads them as plainly as a
 * member does.
 */
interface OrderUpdate extends EntryProcessor<String, Order, OrderChange> {

  /** The changed order, or the very same instance when nothing is to change. */
  Order apply(Order order);

  /**
   * Whether the change is about this order at all: a shopper's change of their own order, staff's
   * change of an order of their store. Any other order is answered as missing, so its id can't be
   * probed, and checking it here costs no read of its own.
   */
  default boolean concerns(Order order) {
    return true;
  }

  @Override
  default OrderChange process(Map.Entry<String, Order> entry) {
    Order current = entry.getValue();
    if (current == null || !concerns(current)) {
      return new OrderChange(Verdict.MISSING, null);
    }
    try {
      Order next = apply(current);
      if (next == current) {
        return new OrderChange(Verdict.UNCHANGED, current);
      }
      entry.setValue(next);
      return new OrderChange(Verdict.CHANGED, next);
    } catch (IllegalTransitionException e) {
      return new OrderChange(Verdict.ILLEGAL, current);
    } catch (StockChangePendingException e) {
      return new OrderChange(Verdict.PENDING, current);
    }
  }
}
