package dev.gridcommerce.api.order;

import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.api.web.KnownStores;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.order.Orders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dark store's orders for its staff (the security layer lets only them, and admins, in): the
 * queue to pick, and moving an order along picking, dispatch and delivery (or cancelling it).
 * Dispatch takes the sold units off the store's stock.
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/orders")
class StoreOrdersController {

  private final Orders orders;
  private final Catalog catalog;

  StoreOrdersController(Orders orders, Catalog catalog) {
    this.orders = orders;
    this.catalog = catalog;
  }

  record StatusChange(@NotNull OrderStatus status) {}

  @GetMapping
  OrderPage orders(
      @PathVariable String storeId,
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(OrderPage.MAX_SIZE) int size) {
    requireStore(storeId);
    return OrderPage.of(orders.atStore(storeId, status, page, size));
  }

  @PostMapping("/{orderId}/status")
  OrderView move(
      @PathVariable String storeId,
      @PathVariable String orderId,
      @Valid @RequestBody StatusChange change) {
    requireStore(storeId);
    if (!change.status().isSetByStaff()) {
      throw ApiProblem.invalid(
          "status", "staff move orders to PICKING, OUT_FOR_DELIVERY, DELIVERED or CANCELLED");
    }
    return OrderAnswers.moved(
        orders.moveForStore(storeId, orderId, change.status()),
        orderId,
        change.status(),
        "store " + storeId + " has no order with the id");
  }

  private void requireStore(String storeId) {
    KnownStores.require(catalog, storeId);
  }
}
