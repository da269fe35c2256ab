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

  /**
   * Thrown by a handler that wants the same event again only after {@code delay} (a webhook
   * receiver's backoff or Retry-After): the subscription keeps its lease meanwhile and hands out no
   * later event.
   */
  final class RetryAfter extends Exception {

    private final java.time.Duration delay;

    public RetryAfter(java.time.Duration delay, String why) {
      super(why);
      this.delay = delay;
    }

    public java.time.Duration delay() {
      return delay;
    }
  }
}
