package dev.gridcommerce.api.store;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderChanges;
import dev.gridcommerce.api.order.OrderPage;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.GridMaps;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dark store's orders for its staff: the queue to pick, and moving an order along picking,
 * dispatch and delivery (or cancelling it). Dispatch takes the sold units off the store's stock.
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/orders")
class StoreOrdersController {

  /** Where staff may move an order; payment, expiry and refunds happen by themselves. */
  static final Set<OrderStatus> STAFF_MOVES =
      EnumSet.of(
          OrderStatus.PICKING,
          OrderStatus.OUT_FOR_DELIVERY,
          OrderStatus.DELIVERED,
          OrderStatus.CANCELLED);

  private final GridMaps maps;
  private final StoreAccess access;
  private final OrderChanges changes;

  StoreOrdersController(GridMaps maps, StoreAccess access, OrderChanges changes) {
    this.maps = maps;
    this.access = access;
    this.changes = changes;
  }

  record StatusChange(@NotNull OrderStatus status) {}

  @GetMapping
  OrderPage orders(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(OrderPage.MAX_SIZE) int size) {
    access.require(caller, storeId);
    Predicate<String, Order> atStore = Predicates.equal("storeId", storeId);
    Predicate<String, Order> query =
        status == null
            ? atStore
            : Predicates.and(atStore, Predicates.equal("status", status.name()));
    return OrderPage.of(maps.orders().values(query), page, size);
  }

  @PostMapping("/{orderId}/status")
  OrderView move(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @PathVariable String orderId,
      @Valid @RequestBody StatusChange change) {
    access.require(caller, storeId);
    if (!STAFF_MOVES.contains(change.status())) {
      throw ApiProblem.invalid(
          "status", "staff move orders to PICKING, OUT_FOR_DELIVERY, DELIVERED or CANCELLED");
    }
    Order order = orderId.length() > 64 ? null : maps.orders().get(orderId);
    if (order == null || !order.storeId().equals(storeId)) {
      throw ApiProblem.notFound("store " + storeId + " has no order with the id '" + orderId + "'");
    }
    return OrderView.of(changes.move(orderId, change.status()));
  }
}
