package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.fulfilment.DeliveryPromise;
import dev.gridcommerce.domain.fulfilment.DeliveryPromiser;
import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The delivery promise a store can make now, from its queue of paid orders not yet picked and its
 * pickers on shift (as staff set them, else the {@code pickers} setting); a closed store makes
 * none.
 */
@Component
public class DeliveryPromises implements DeliveryPromiser {

  /** A typical basket, for a promise made before the cart is known. */
  static final int TYPICAL_LINES = 5;

  static final int TYPICAL_UNITS = 8;

  private final Orders orders;
  private final Fulfilment fulfilment;
  private final FulfilmentSettings settings;
  private final Clock clock;

  DeliveryPromises(Orders orders, Fulfilment fulfilment, FulfilmentSettings settings, Clock clock) {
    this.orders = orders;
    this.fulfilment = fulfilment;
    this.settings = settings;
    this.clock = clock;
  }

  /** The store's shift: as staff set it, else open with the {@code pickers} setting. */
  public StoreShift shift(String storeId) {
    return fulfilment.shift(storeId).orElse(new StoreShift(storeId, true, settings.pickers()));
  }

  /** The promise for a typical basket delivered from {@code store} to {@code point}. */
  public DeliveryPromise typical(DarkStore store, GeoPoint point) {
    return promise(store, point, TYPICAL_LINES, TYPICAL_UNITS);
  }

  @Override
  public DeliveryPromise promise(DarkStore store, GeoPoint deliverTo, int lines, int units) {
    return DeliveryPromise.estimate(
        settings.terms(),
        orders.pickQueue(store.id()),
        shift(store.id()).pickersPicking(),
        lines,
        units,
        store.location().distanceKm(deliverTo),
        clock.instant());
  }
}
