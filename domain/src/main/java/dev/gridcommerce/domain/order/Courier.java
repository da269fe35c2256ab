package dev.gridcommerce.domain.order;

import java.util.Objects;

/** The rider who took an order out: their account and the name the shopper is told. */
public record Courier(String riderId, String name) {

  public Courier {
    Objects.requireNonNull(riderId, "riderId");
    Objects.requireNonNull(name, "name");
  }
}
