package dev.gridcommerce.api.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.grid.support.GridMaps;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dark stores; given a point, the nearest first and which of them deliver there. */
@RestController
@RequestMapping("/api/v1/stores")
class StoreController {

  private final GridMaps maps;

  StoreController(GridMaps maps) {
    this.maps = maps;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoreView(
      String id,
      String name,
      GeoPoint location,
      double deliveryRadiusKm,
      Double distanceKm,
      Boolean delivers) {}

  @GetMapping
  List<StoreView> stores(@RequestParam(required = false) String near) {
    List<DarkStore> stores = List.copyOf(maps.stores().values());
    if (near == null) {
      return stores.stream()
          .sorted(Comparator.comparing(DarkStore::id))
          .map(s -> new StoreView(s.id(), s.name(), s.location(), s.deliveryRadiusKm(), null, null))
          .toList();
    }
    GeoPoint point = point(near);
    return stores.stream()
        .sorted(Comparator.comparingDouble(s -> s.location().distanceKm(point)))
        .map(s ->
            new StoreView(
                s.id(),
                s.name(),
                s.location(),
                s.deliveryRadiusKm(),
                Math.round(s.location().distanceKm(point) * 100) / 100.0,
                s.delivers(point)))
        .toList();
  }

  private static GeoPoint point(String near) {
    String[] parts = near.split(",");
    try {
      if (parts.length == 2) {
        return new GeoPoint(
            Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the answer below
    }
    throw ApiProblem.invalid(
        "near", "must be 'latitude,longitude' in decimal degrees, e.g. 52.52,13.40");
  }
}
