package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.persistence.Database;
import java.util.List;

/**
 * The order events {@link OrderMapStore} stores, read in position order: the durable feed of order
 * events (see the {@code order_events} table for why positions come in order and without gaps).
 */
final class PostgresOrderEventLog implements OrderEventLog {

  private final Database database;

  PostgresOrderEventLog(Database database) {
    this.database = database;
  }

  @Override
  public List<Logged> after(long position, int limit) {
    return database
        .jdbc()
        .query(
            "SELECT * FROM order_events WHERE position > ? ORDER BY position LIMIT ?",
            (row, n) -> new Logged(row.getLong("position"), OrderRows.event(row)),
            position,
            limit);
  }

  @Override
  public long head() {
    Long head =
        database
            .jdbc()
            .queryForObject("SELECT last_position FROM order_event_head WHERE id = 1", Long.class);
    return head == null ? 0 : head;
  }
}
