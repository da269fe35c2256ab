package dev.gridcommerce.api.order;

import com.hazelcast.query.Predicates;
import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.ShopperOrders;
import dev.gridcommerce.grid.support.GridMaps;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in shopper's orders, newest first, and cancelling one before it is picked. The list
 * joins the shopper's orders in memory with those PostgreSQL has (the {@code shopper-orders}
 * index), so it includes closed orders that left the grid; a page loads only its own orders.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  private final GridMaps maps;
  private final OrderChanges changes;

  OrderController(GridMaps maps, OrderChanges changes) {
    this.maps = maps;
    this.changes = changes;
  }

  @GetMapping
  OrderPage orders(
      @AuthenticationPrincipal Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(OrderPage.MAX_SIZE) int size) {
    Map<String, Instant> placedAt = new HashMap<>();
    ShopperOrders stored = maps.shopperOrders().get(caller.userId());
    if (stored != null) {
      stored.orders().forEach(placed -> placedAt.put(placed.orderId(), placed.createdAt()));
    }
    Map<String, Order> inMemory = new HashMap<>();
    maps.orders()
        .values(Predicates.equal("shopperId", caller.userId()))
        .forEach(order -> inMemory.put(order.id(), order));
    inMemory.values().forEach(order -> placedAt.put(order.id(), order.createdAt()));
    List<String> pageIds =
        placedAt.entrySet().stream()
            .sorted(
                Map.Entry.<String, Instant>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .skip((long) page * size)
            .limit(size)
            .map(Map.Entry::getKey)
            .toList();
    Set<String> toLoad =
        pageIds.stream().filter(id -> !inMemory.containsKey(id)).collect(Collectors.toSet());
    inMemory.putAll(maps.orders().getAll(toLoad));
    List<OrderView> items =
        pageIds.stream().map(inMemory::get).filter(Objects::nonNull).map(OrderView::of).toList();
    return new OrderPage(placedAt.size(), page, size, items);
  }

  /** 404 for an order of someone else, never 403, so order ids can't be probed. */
  @GetMapping("/{id}")
  OrderView order(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
    return OrderView.of(own(caller, id));
  }

  /** Cancels before picking; held or sold units go back to the store's available stock. */
  @PostMapping("/{id}/cancel")
  OrderView cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
    own(caller, id);
    return OrderView.of(changes.move(id, OrderStatus.CANCELLED));
  }

  private Order own(Caller caller, String id) {
    Order order = id.length() > 64 ? null : maps.orders().get(id);
    if (order == null || !order.shopperId().equals(caller.userId())) {
      throw ApiProblem.notFound("you have no order with the id '" + id + "'");
    }
    return order;
  }
}
