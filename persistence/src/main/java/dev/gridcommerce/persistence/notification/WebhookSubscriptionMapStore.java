package dev.gridcommerce.persistence.notification;

import dev.gridcommerce.domain.notification.WebhookSubscription;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the {@code webhook-subscriptions} map (id → subscription) in the {@code
 * webhook_subscriptions} table, written through; all are loaded when a member starts.
 */
public final class WebhookSubscriptionMapStore extends TextKeyMapStore<WebhookSubscription> {

  private static final String UPSERT =
      """
      INSERT INTO webhook_subscriptions (id, url, event_types, secret, created_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        url = EXCLUDED.url, event_types = EXCLUDED.event_types, secret = EXCLUDED.secret
      """;

  public WebhookSubscriptionMapStore() {
    this(null);
  }

  public WebhookSubscriptionMapStore(Database database) {
    super(database, "webhook-subscriptions", "webhook_subscriptions", "id");
  }

  @Override
  protected void upsert(Map<String, WebhookSubscription> entries) {
    batch(
        UPSERT,
        entries.values(),
        (statement, subscription) -> {
          statement.setString(1, subscription.id());
          statement.setString(2, subscription.url().toString());
          statement.setArray(
              3,
              textArray(
                  statement, subscription.eventTypes().stream().map(Enum::name).sorted().toList()));
          statement.setString(4, subscription.secret());
          statement.setObject(5, utc(subscription.createdAt()));
        });
  }

  @Override
  protected WebhookSubscription read(ResultSet row) throws SQLException {
    return new WebhookSubscription(
        row.getString("id"),
        URI.create(row.getString("url")),
        strings(row, "event_types").stream()
            .map(OrderEventType::valueOf)
            .collect(Collectors.toSet()),
        row.getString("secret"),
        instant(row, "created_at"));
  }

  @Override
  protected List<String> keysToLoad() {
    return database().jdbc().queryForList("SELECT id FROM webhook_subscriptions", String.class);
  }
}
