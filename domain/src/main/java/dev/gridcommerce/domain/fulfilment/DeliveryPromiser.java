package dev.gridcommerce.domain.fulfilment;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;

/** Makes the delivery promise a store can keep now for an order of so many lines and units. */
@FunctionalInterface
public interface DeliveryPromiser {

  DeliveryPromise promise(DarkStore store, GeoPoint deliverTo, int lines, int units);
}
