package dev.gridcommerce.persistence.order;

import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code event-subscriptions} map (subscriber name → checkpoint) in the {@code
 * event_subscriptions} table, so durable subscribers of order events resume where they were after
 * the whole grid restarted. A checkpoint only moves forward: a late write of an older position
 * never takes a subscriber back (it would only cause events to come again). Loaded by name.
 */
public final class SubscriberCheckpointMapStore extends TextKeyMapStore<SubscriberCheckpoint> {

  private static final String UPSERT =
      """
      INSERT INTO event_subscriptions (name, position, holder, lease_until, updated_at)
      VALUES (?, ?, ?, ?, now())
      ON CONFLICT (name) DO UPDATE SET
        position = greatest(event_subscriptions.position, EXCLUDED.position),
        holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until, updated_at = now()
      """;

  public SubscriberCheckpointMapStore() {
    this(null);
  }

  public SubscriberCheckpointMapStore(Database database) {
    super(database, "event-subscriptions", "event_subscriptions", "name");
  }

  @Override
  protected void upsert(Map<String, SubscriberCheckpoint> entries) {
    batch(
        UPSERT,
        entries.entrySet(),
        (statement, entry) -> {
          statement.setString(1, entry.getKey());
          statement.setLong(2, entry.getValue().position());
          statement.setString(3, entry.getValue().holder());
          statement.setObject(4, utc(entry.getValue().leaseUntil()));
        });
  }

  @Override
  protected SubscriberCheckpoint read(ResultSet row) throws SQLException {
    return new SubscriberCheckpoint(
        row.getLong("position"), row.getString("holder"), instant(row, "lease_until"));
  }

  /** None: a subscriber's checkpoint loads when it starts reading. */
  @Override
  protected List<String> keysToLoad() {
    return null;
  }
}
