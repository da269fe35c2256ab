package dev.gridcommerce.domain.fulfilment;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import java.util.Collection;

/** The work waiting at a store: its orders paid and not yet picked, their lines and units. */
public record PickQueue(int orders, int lines, int units) {

  public static final PickQueue EMPTY = new PickQueue(0, 0, 0);

  public PickQueue {
    if (orders < 0 || lines < 0 || units < 0) {
      throw new IllegalArgumentException("a queue can't hold less than nothing");
    }
  }

  public static PickQueue of(Collection<Order> waiting) {
    int lines = 0;
    int units = 0;
    for (Order order : waiting) {
      lines += order.lines().size();
      units += order.lines().stream().mapToInt(OrderLine::quantity).sum();
    }
    return new PickQueue(waiting.size(), lines, units);
  }
}
