package dev.gridcommerce.grid.notification;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.gridcommerce.grid.support.GridMaps;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The notification capability's door on the grid: what was sent already, by a key naming what and
 * to whom ({@code mail:<event id>:<recipient>}, {@code low-stock:<store>:<sku>}), so a redelivered
 * event sends nothing twice. Kept for a day (the {@code notifications-sent} map's time to live), or
 * for less when a key says so (a low-stock alert may come again once that passed).
 */
public final class Notifications {

  private final IMap<String, Long> sent;
  private final Clock clock;

  public Notifications(HazelcastInstance grid, Clock clock) {
    this.sent = new GridMaps(grid).notificationsSent();
    this.clock = clock;
  }

  public boolean alreadySent(String key) {
    return sent.containsKey(key);
  }

  /** Records that {@code key} was sent now. */
  public void sent(String key) {
    sent.set(key, clock.millis());
  }

  /** Records that {@code key} was sent now; it may be sent again after {@code seconds}. */
  public void sent(String key, long seconds) {
    sent.set(key, clock.millis(), seconds, TimeUnit.SECONDS);
  }
}
