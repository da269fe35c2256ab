package dev.gridcommerce.domain.order;

import java.util.List;

/**
 * The order events as PostgreSQL stores them, each with its place in the order they were stored:
 * what durable subscribers are fed from. Positions grow by one per stored event, and an event's
 * position is visible only once every lower position is, so a reader that goes on from the last
 * position it handled misses none. The events of one order are stored in their sequence.
 */
public interface OrderEventLog {

  /** Up to {@code limit} events stored after {@code position}, lowest position first. */
  List<Logged> after(long position, int limit);

  /** The position of the latest stored event (0 before the first). */
  long head();

  /** One stored event and its position in the log. */
  record Logged(long position, OrderEvent event) {}
}
