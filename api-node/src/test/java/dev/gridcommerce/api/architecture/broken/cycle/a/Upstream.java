package dev.gridcommerce.api.architecture.broken.cycle.a;

import dev.gridcommerce.api.architecture.broken.cycle.b.Downstream;

/** Half of a package cycle: the architecture rules must refuse it. */
public class Upstream {
  Downstream next;
}
