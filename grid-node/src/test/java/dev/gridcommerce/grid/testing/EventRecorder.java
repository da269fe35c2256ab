package dev.gridcommerce.grid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.order.OrderEventHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * A durable subscriber for tests: records every event it is handed, in the order it was handed,
 * duplicates included, and checks what subscribers are promised: every event at least once, and per
 * order in sequence with no gaps (an event comes only after its predecessor came).
 */
public final class EventRecorder implements OrderEventHandler {

  private final List<OrderEvent> deliveries = new ArrayList<>();

  @Override
  public synchronized void handle(OrderEvent event) {
    deliveries.add(event);
  }

  public synchronized List<OrderEvent> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The ids of every event handed over, duplicates once. */
  public synchronized Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    deliveries.forEach(event -> ids.add(event.id()));
    return ids;
  }

  /** How many events came more than once. */
  public synchronized long duplicates() {
    return deliveries.size() - ids().size();
  }

  /**
   * Asserts that the events of each order came in sequence without gaps (a repeat of an earlier
   * event is fine), and that each order's events, first times only, are exactly {@code expected}.
   */
  public synchronized void assertDelivered(Map<String, List<OrderEvent>> expected) {
    Map<String, Long> highest = new HashMap<>();
    Map<String, List<String>> firstTimes = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (OrderEvent event : deliveries) {
      long before = highest.getOrDefault(event.orderId(), 0L);
      assertThat(event.seq())
          .as(
              "event #%d of order %s comes after #%d, with no gap",
              event.seq(), event.orderId(), before)
          .isLessThanOrEqualTo(before + 1);
      highest.put(event.orderId(), Math.max(before, event.seq()));
      if (seen.add(event.id())) {
        firstTimes.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event.id());
      }
    }
    assertThat(firstTimes.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((orderId, events) -> {
      assertThat(firstTimes.get(orderId))
          .as("the events of order %s, each at least once, in sequence", orderId)
          .containsExactlyElementsOf(events.stream().map(OrderEvent::id).toList());
      assertThat(events.stream().mapToLong(OrderEvent::seq))
          .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    });
  }
}
