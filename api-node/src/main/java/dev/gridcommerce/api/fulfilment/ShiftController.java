package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.api.web.KnownStores;
import dev.gridcommerce.domain.fulfilment.StoreShift;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dark store's shift, for its staff: whether it takes orders now and how many pickers are on
 * shift; its delivery promise is made with them, and a closed store is skipped when shoppers look
 * for the nearest store (and refuses checkout, nothing held).
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/shift")
class ShiftController {

  private final DeliveryPromises promises;
  private final Fulfilment fulfilment;
  private final Catalog catalog;

  ShiftController(DeliveryPromises promises, Fulfilment fulfilment, Catalog catalog) {
    this.promises = promises;
    this.fulfilment = fulfilment;
    this.catalog = catalog;
  }

  record Shift(
      @NotNull Boolean open, @NotNull @Min(0) @Max(StoreShift.MAX_PICKERS) Integer pickers) {

    static Shift of(StoreShift shift) {
      return new Shift(shift.open(), shift.pickers());
    }
  }

  @GetMapping
  Shift shift(@PathVariable String storeId) {
    requireStore(storeId);
    return Shift.of(promises.shift(storeId));
  }

  @PutMapping
  Shift setShift(@PathVariable String storeId, @Valid @RequestBody Shift shift) {
    requireStore(storeId);
    return Shift.of(fulfilment.setShift(new StoreShift(storeId, shift.open(), shift.pickers())));
  }

  private void requireStore(String storeId) {
    KnownStores.require(catalog, storeId);
  }
}
