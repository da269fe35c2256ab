package dev.gridcommerce.grid.order;

import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import java.time.Instant;

/**
 * How far one durable subscriber of the order events is behind the event log.
 *
 * @param events stored events after the subscriber's checkpoint (it moves once a page is handled,
 *     so a subscriber keeping up shows up to a page's worth)
 * @param reading whether an instance holds the subscriber's lease now
 */
public record SubscriberBacklog(String subscriber, long events, boolean reading) {

  static SubscriberBacklog of(
      String subscriber, SubscriberCheckpoint checkpoint, long head, Instant now) {
    return new SubscriberBacklog(
        subscriber, Math.max(0, head - checkpoint.position()), !checkpoint.isFreeFor("", now));
  }
}
