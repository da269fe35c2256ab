package dev.gridcommerce.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gridcommerce.api.fulfilment.DeliveryPromises;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.fulfilment.DeliveryPromise;
import dev.gridcommerce.grid.catalog.Catalog;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dark stores; given a point, the nearest first and which of them deliver there. */
@RestController
@RequestMapping("/api/v1/stores")
class StoreController {

  private final Catalog catalog;
  private final DeliveryPromises promises;

  StoreController(Catalog catalog, DeliveryPromises promises) {
    this.catalog = catalog;
    this.promises = promises;
  }

  /**
   * When an order placed now would arrive, in whole minutes and as a time, for a typical basket
   * ({@code queuedOrders}: the paid orders ahead of it).
   */
  @Schema(name = "DeliveryPromise")
  record PromiseView(long minutes, Instant at, int queuedOrders) {}

  record NearestStore(StoreView store, PromiseView promise) {}

  /** A dark store; with {@code near}, how far it is from that point and whether it delivers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoreView(
      String id,
      String name,
      GeoPoint location,
      double deliveryRadiusKm,
      boolean reserveOnAddToCart,
      String currency,
      Double distanceKm,
      Boolean delivers) {

    static StoreView of(DarkStore store, GeoPoint near) {
      return new StoreView(
          store.id(),
          store.name(),
          store.location(),
          store.deliveryRadiusKm(),
          store.reserveOnAddToCart(),
          store.currency(),
          near == null ? null : Math.round(store.location().distanceKm(near) * 100) / 100.0,
          near == null ? null : store.delivers(near));
    }
  }

  /** The dark stores by id; with {@code near}, the nearest first. */
  @GetMapping
  List<StoreView> stores(@RequestParam(required = false) String near) {
    GeoPoint point = near == null ? null : point(near);
    Comparator<DarkStore> order =
        point == null
            ? Comparator.comparing(DarkStore::id)
            : Comparator.comparingDouble(store -> store.location().distanceKm(point));
    return catalog.stores().stream().sorted(order).map(s -> StoreView.of(s, point)).toList();
  }

  /**
   * The nearest store that delivers to the point, is open and can keep a promise within its maximum
   * now; 404 {@code no-store-delivers} when none delivers there, or every one that does is closed
   * or at capacity.
   */
  @GetMapping("/nearest")
  NearestStore nearest(@RequestParam double lat, @RequestParam double lon) {
    if (!GeoPoint.isValid(lat, lon)) {
      throw ApiProblem.invalid("lat", "lat and lon must be a point in decimal degrees");
    }
    GeoPoint point = new GeoPoint(lat, lon);
    List<DarkStore> delivering =
        catalog.stores().stream()
            .filter(store -> store.delivers(point))
            .sorted(Comparator.comparingDouble(store -> store.location().distanceKm(point)))
            .toList();
    for (DarkStore store : delivering) {
      DeliveryPromise promise = promises.typical(store, point);
      if (promise.deliverable()) {
        return new NearestStore(
            StoreView.of(store, point),
            new PromiseView(promise.minutes(), promise.at(), promise.ahead().orders()));
      }
    }
    throw new ApiProblem(
        HttpStatus.NOT_FOUND,
        "no-store-delivers",
        "No store delivers there now",
        delivering.isEmpty()
            ? "none of our stores delivers to that point"
            : "every store that delivers there is closed or at capacity right now; try again"
                + " shortly");
  }

  private static GeoPoint point(String near) {
    String[] parts = near.split(",");
    if (parts.length == 2) {
      try {
        double lat = Double.parseDouble(parts[0].strip());
        double lon = Double.parseDouble(parts[1].strip());
        if (GeoPoint.isValid(lat, lon)) {
          return new GeoPoint(lat, lon);
        }
      } catch (NumberFormatException notANumber) {
        // answered below
      }
    }
    throw ApiProblem.invalid(
        "near", "must be 'latitude,longitude' in decimal degrees, e.g. 52.52,13.40");
  }
}
