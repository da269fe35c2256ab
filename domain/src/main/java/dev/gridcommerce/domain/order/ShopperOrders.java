package dev.gridcommerce.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A shopper's orders as stored: ids and when each was placed, oldest first. */
public record ShopperOrders(List<Placed> orders) {

  /** One order of the shopper and when it was placed. */
  public record Placed(String orderId, Instant createdAt) {
    public Placed {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  public ShopperOrders {
    orders = List.copyOf(orders);
  }
}
