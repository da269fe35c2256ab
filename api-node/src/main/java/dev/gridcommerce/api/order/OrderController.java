package dev.gridcommerce.api.order;

import com.hazelcast.query.Predicates;
import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.GridMaps;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in shopper's orders, newest first. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  static final int MAX_PAGE_SIZE = 100;

  private final GridMaps maps;

  OrderController(GridMaps maps) {
    this.maps = maps;
  }

  record OrderPage(long total, int page, int size, List<OrderView> items) {}

  @GetMapping
  OrderPage orders(
      @AuthenticationPrincipal Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
    List<Order> all =
        maps.orders().values(Predicates.equal("shopperId", caller.userId())).stream()
            .sorted(Comparator.comparing(Order::createdAt).reversed().thenComparing(Order::id))
            .toList();
    List<OrderView> items =
        all.stream().skip((long) page * size).limit(size).map(OrderView::of).toList();
    return new OrderPage(all.size(), page, size, items);
  }

  /** 404 for an order of someone else, never 403, so order ids can't be probed. */
  @GetMapping("/{id}")
  OrderView order(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
    Order order = id.length() > 64 ? null : maps.orders().get(id);
    if (order == null || !order.shopperId().equals(caller.userId())) {
      throw ApiProblem.notFound("you have no order with the id '" + id + "'");
    }
    return OrderView.of(order);
  }
}
