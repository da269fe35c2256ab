package dev.gridcommerce.api.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live order tracking (the orders' event streams).
 *
 * @param heartbeat how often an open stream gets a comment line (so proxies keep it open) and its
 *     order is read again, catching up on anything a lost change notice missed
 * @param timeout how long one stream stays open; the browser's {@code EventSource} then reconnects
 *     with {@code Last-Event-ID} and misses nothing
 */
@ConfigurationProperties("commerce.tracking")
public record OrderTrackingSettings(Duration heartbeat, Duration timeout) {

  public OrderTrackingSettings {
    heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    if (!heartbeat.isPositive() || timeout.compareTo(heartbeat) <= 0) {
      throw new IllegalArgumentException(
          "commerce.tracking: the heartbeat is positive and shorter than the timeout");
    }
  }
}
