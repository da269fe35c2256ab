package dev.gridcommerce.api.order;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.order.Orders;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in shopper's orders, newest first (with closed ones that left the grid), one order
 * with its timeline, cancelling one before it is picked, and following one live as Server-Sent
 * Events. Someone else's order is 404, never 403, so ids can't be probed.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  private final Orders orders;
  private final OrderTracking tracking;

  OrderController(Orders orders, OrderTracking tracking) {
    this.orders = orders;
    this.tracking = tracking;
  }

  @GetMapping
  OrderPage orders(
      @AuthenticationPrincipal Caller caller,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(OrderPage.MAX_SIZE) int size) {
    return OrderPage.of(orders.history(caller.userId(), page, size));
  }

  @GetMapping("/{id}")
  OrderView order(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
    return OrderView.of(orders.ofShopper(caller.userId(), id).orElseThrow(() -> notYours(id)));
  }

  /** Cancels before picking; held or sold units go back to the store's available stock. */
  @PostMapping("/{id}/cancel")
  OrderView cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
    return OrderAnswers.moved(
        orders.cancelForShopper(caller.userId(), id),
        id,
        OrderStatus.CANCELLED,
        "you have no order with the id");
  }

  /**
   * The order's events as a {@code text/event-stream}: those after {@code Last-Event-ID} (all of
   * them without it), then each new one as it happens. Each event's {@code id} is its number in the
   * order's timeline and its {@code data} the event as JSON; a browser's {@code EventSource} reads
   * it as is (with the token as {@code ?access_token=}, as it can't send headers). For the order's
   * shopper, and for staff of its store.
   */
  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    long after = lastSeen(lastEventId);
    Order order = orders.find(id).filter(o -> mayFollow(caller, o)).orElseThrow(() -> notYours(id));
    return tracking.follow(order, after);
  }

  private static boolean mayFollow(Caller caller, Order order) {
    return order.shopperId().equals(caller.userId())
        || caller.hasRole(Role.ADMIN)
        || (caller.hasRole(Role.STAFF) && caller.storeIds().contains(order.storeId()));
  }

  private static long lastSeen(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return 0;
    }
    try {
      long seq = Long.parseLong(lastEventId.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw ApiProblem.invalid(
        "Last-Event-ID", "must be the id of an event of this stream (a whole number)");
  }

  private static ApiProblem notYours(String id) {
    return ApiProblem.notFound("you have no order with the id '" + id + "'");
  }
}
