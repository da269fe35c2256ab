package dev.gridcommerce.api.architecture.broken.cycle.b;

import dev.gridcommerce.api.architecture.broken.cycle.a.Upstream;

/** The other half of a package cycle. */
public class Downstream {
  Upstream back;
}
