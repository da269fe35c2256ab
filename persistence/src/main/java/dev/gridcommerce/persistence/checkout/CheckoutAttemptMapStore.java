package dev.gridcommerce.persistence.checkout;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.TextKeyMapStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Keeps the {@code checkout-attempts} map (shopper and Idempotency-Key → attempt) in the {@code
 * checkout_attempts} table, so a retry after the whole grid restarted still gets the first answer.
 *
 * <p>Every attempt younger than the map's time to live (set once, in {@code
 * config/hazelcast-grid.yaml}) loads when the grid starts; older ones never load, and are deleted
 * now and then as new ones are stored. So a key the grid has not got is one never used (or
 * expired): it is answered as new without asking PostgreSQL, and a checkout with a new key reads
 * nothing from the database, also while the database is down.
 */
public final class CheckoutAttemptMapStore extends TextKeyMapStore<CheckoutAttempt> {

  private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

  private static final String UPSERT =
      """
      INSERT INTO checkout_attempts (attempt_key, request_hash, order_id, token, state, lease_until,
                                     short_skus, short_requested, short_available, stored_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      ON CONFLICT (attempt_key) DO UPDATE SET
        request_hash = EXCLUDED.request_hash, order_id = EXCLUDED.order_id, token = EXCLUDED.token,
        state = EXCLUDED.state, lease_until = EXCLUDED.lease_until, short_skus = EXCLUDED.short_skus,
        short_requested = EXCLUDED.short_requested, short_available = EXCLUDED.short_available,
        stored_at = now()
      """;

  private final AtomicLong nextPrune = new AtomicLong(System.nanoTime());
  private Duration keptFor;

  public CheckoutAttemptMapStore() {
    super(null, "checkout-attempts", "checkout_attempts", "attempt_key");
  }

  /** A store over the given database whose attempts are kept {@code keptFor}. */
  public CheckoutAttemptMapStore(Database database, Duration keptFor) {
    super(database, "checkout-attempts", "checkout_attempts", "attempt_key");
    this.keptFor = keptFor;
  }

  /** Attempts are kept as long as the map keeps them: its time to live. */
  @Override
  public void init(HazelcastInstance member, Properties properties, String mapName) {
    super.init(member, properties, mapName);
    int ttl = member.getConfig().getMapConfig(mapName).getTimeToLiveSeconds();
    if (ttl <= 0) {
      throw new IllegalStateException(mapName + " needs a time to live: keys are not kept forever");
    }
    keptFor = Duration.ofSeconds(ttl);
  }

  @Override
  protected void upsert(Map<String, CheckoutAttempt> entries) {
    batch(
        UPSERT,
        entries.entrySet(),
        (statement, entry) -> {
          CheckoutAttempt attempt = entry.getValue();
          statement.setString(1, entry.getKey());
          statement.setString(2, attempt.requestHash());
          statement.setString(3, attempt.orderId());
          statement.setString(4, attempt.token());
          statement.setString(5, attempt.state().name());
          statement.setObject(6, utc(attempt.leaseUntil()));
          statement.setArray(
              7, textArray(statement, attempt.shortLines().stream().map(ShortLine::sku).toList()));
          statement.setArray(
              8,
              intArray(
                  statement, attempt.shortLines().stream().map(ShortLine::requested).toList()));
          statement.setArray(
              9,
              intArray(
                  statement, attempt.shortLines().stream().map(ShortLine::available).toList()));
        });
    pruneNowAndThen();
  }

  private void pruneNowAndThen() {
    long due = nextPrune.get();
    if (System.nanoTime() - due >= 0
        && nextPrune.compareAndSet(due, System.nanoTime() + PRUNE_EVERY_NANOS)) {
      database()
          .jdbc()
          .update(
              "DELETE FROM checkout_attempts WHERE stored_at < now() - make_interval(secs => ?)",
              keptFor.toSeconds());
    }
  }

  /** Only attempts younger than the time to live: an older one has expired from the grid too. */
  @Override
  protected Map<String, CheckoutAttempt> loadChunk(List<String> keys) {
    return database()
        .jdbc()
        .query(
            "SELECT * FROM checkout_attempts WHERE attempt_key = ANY(?)"
                + " AND stored_at > now() - make_interval(secs => ?)",
            statement -> {
              statement.setArray(1, textArray(statement, keys));
              statement.setLong(2, keptFor.toSeconds());
            },
            (row, n) -> Map.entry(row.getString("attempt_key"), read(row)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Override
  protected CheckoutAttempt read(ResultSet row) throws SQLException {
    List<String> skus = strings(row, "short_skus");
    List<Integer> requested = integers(row, "short_requested");
    List<Integer> available = integers(row, "short_available");
    List<ShortLine> shortLines = new ArrayList<>(skus.size());
    for (int i = 0; i < skus.size(); i++) {
      shortLines.add(new ShortLine(skus.get(i), requested.get(i), available.get(i)));
    }
    return new CheckoutAttempt(
        row.getString("request_hash"),
        row.getString("order_id"),
        row.getString("token"),
        CheckoutAttempt.State.valueOf(row.getString("state")),
        instant(row, "lease_until"),
        shortLines);
  }

  /** Every stored attempt that may still be answered is in the grid: a miss is a new key. */
  @Override
  protected boolean mayBeStoredOnly(String key) {
    return false;
  }

  /** Those younger than the time to live, when the grid starts. */
  @Override
  protected List<String> keysToLoad() {
    return database()
        .jdbc()
        .queryForList(
            "SELECT attempt_key FROM checkout_attempts"
                + " WHERE stored_at > now() - make_interval(secs => ?)",
            String.class,
            keptFor.toSeconds());
  }
}
