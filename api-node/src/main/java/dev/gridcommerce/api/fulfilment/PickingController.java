package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.api.web.KnownStores;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.fulfilment.PickList;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.order.LinePick;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Picking in a dark store, for its staff (the security layer lets only them, and admins, in): the
 * pick list of a paid order in walking order, starting to pick, each line confirmed (the product
 * scanned and the quantity) or reported short (the shopper's substitution applied), packing; and
 * where each product sits.
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}")
class PickingController {

  private final Fulfilment fulfilment;
  private final Catalog catalog;

  PickingController(Fulfilment fulfilment, Catalog catalog) {
    this.fulfilment = fulfilment;
    this.catalog = catalog;
  }

  /** A line to pick: where it is ({@code A-3-2}: zone, aisle, shelf) and what was found so far. */
  @Schema(name = "PickItem")
  record Item(
      String lineId,
      String sku,
      String name,
      int quantity,
      String location,
      Substitution substitution,
      Integer picked,
      Replacement replacement) {

    static Item of(PickList.Item item) {
      LinePick pick = item.pick();
      return new Item(
          item.lineId(),
          item.sku(),
          item.name(),
          item.quantity(),
          item.location() == null ? null : item.location().toString(),
          item.substitution(),
          pick == null ? null : pick.picked(),
          pick == null ? null : pick.replacement());
    }
  }

  @Schema(name = "PickList")
  record PickListView(String orderId, OrderStatus status, Instant promisedAt, List<Item> items) {}

  record Confirmation(@NotBlank String sku, @NotNull @Min(1) Integer quantity) {}

  record ShortReport(@NotNull @Min(0) Integer found) {}

  @Schema(name = "Substitute")
  record SubstituteView(String sku, String name, String brand, Money price, String size) {}

  record Location(
      @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,15}") String zone,
      @NotNull @Min(1) @Max(999) Integer aisle,
      @NotNull @Min(1) @Max(99) Integer shelf) {}

  @GetMapping("/orders/{orderId}/pick-list")
  PickListView pickList(@PathVariable String storeId, @PathVariable String orderId) {
    requireStore(storeId);
    PickList list =
        fulfilment
            .pickList(storeId, orderId)
            .orElseThrow(() ->
                ApiProblem.notFound(
                    "store "
                        + storeId
                        + " has no paid order to pick with the id '"
                        + orderId
                        + "'"));
    return new PickListView(
        orderId, list.status(), list.promisedAt(), list.items().stream().map(Item::of).toList());
  }

  @PostMapping("/orders/{orderId}/picking")
  OrderView startPicking(@PathVariable String storeId, @PathVariable String orderId) {
    requireStore(storeId);
    return FulfilmentAnswers.of(fulfilment.startPicking(storeId, orderId));
  }

  @PostMapping("/orders/{orderId}/lines/{lineId}/picked")
  OrderView picked(
      @PathVariable String storeId,
      @PathVariable String orderId,
      @PathVariable String lineId,
      @Valid @RequestBody Confirmation confirmation) {
    requireStore(storeId);
    return FulfilmentAnswers.of(
        fulfilment.confirm(
            storeId, orderId, lineId, confirmation.sku().strip(), confirmation.quantity()));
  }

  @PostMapping("/orders/{orderId}/lines/{lineId}/short")
  OrderView reportShort(
      @PathVariable String storeId,
      @PathVariable String orderId,
      @PathVariable String lineId,
      @Valid @RequestBody ShortReport report) {
    requireStore(storeId);
    return FulfilmentAnswers.of(fulfilment.reportShort(storeId, orderId, lineId, report.found()));
  }

  /** What the store would offer now for the line's product (its best matches), best first. */
  @GetMapping("/orders/{orderId}/lines/{lineId}/substitutes")
  List<SubstituteView> substitutes(
      @PathVariable String storeId, @PathVariable String orderId, @PathVariable String lineId) {
    requireStore(storeId);
    return fulfilment.candidates(storeId, orderId, lineId).stream()
        .map(PickingController::substitute)
        .toList();
  }

  @PostMapping("/orders/{orderId}/packed")
  OrderView packed(@PathVariable String storeId, @PathVariable String orderId) {
    requireStore(storeId);
    return FulfilmentAnswers.of(fulfilment.pack(storeId, orderId));
  }

  /** Puts a product at a shelf of the store: pick lists walk by it. */
  @PutMapping("/stock/{sku}/location")
  Location place(
      @PathVariable String storeId,
      @PathVariable String sku,
      @Valid @RequestBody Location location) {
    requireStore(storeId);
    if (!catalog.sells(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    fulfilment.place(
        storeId, sku, new ShelfLocation(location.zone(), location.aisle(), location.shelf()));
    return location;
  }

  private static SubstituteView substitute(Product product) {
    return new SubstituteView(
        product.sku(),
        product.name(),
        product.brand(),
        product.price(),
        product.attributes().get("size"));
  }

  private void requireStore(String storeId) {
    KnownStores.require(catalog, storeId);
  }
}
