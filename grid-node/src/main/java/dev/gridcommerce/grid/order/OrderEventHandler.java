package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.order.OrderEvent;

/**
 * What a durable subscriber does with each order event. Called once per event at least, in the
 * order's sequence; an event may come again (after a failure, or when another instance takes the
 * subscription over), so a handler is idempotent by event id. A handler that throws gets the same
 * event again, after a pause, before any later one.
 */
@FunctionalInterface
public interface OrderEventHandler {

  void handle(OrderEvent event) throws Exception;
}
