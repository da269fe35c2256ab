package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.KnownStores;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.fulfilment.Fulfilment;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dispatch from a dark store, for its riders (and its staff, and admins): the packed orders ready
 * to go, grouped into batches whose drop-offs are close; a rider taking one or a batch out (each
 * goes out for delivery with the rider's name); the orders out with the caller; and each handed
 * over, or not (its units come back to the store, and it is refunded).
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/dispatch")
class DispatchController {

  private final Fulfilment fulfilment;
  private final Accounts accounts;
  private final Catalog catalog;

  DispatchController(Fulfilment fulfilment, Accounts accounts, Catalog catalog) {
    this.fulfilment = fulfilment;
    this.accounts = accounts;
    this.catalog = catalog;
  }

  /** A packed order as a rider sees it: where it goes, by when, how big it is. */
  @Schema(name = "ReadyOrder")
  record Ready(String orderId, GeoPoint dropOff, Instant promisedAt, int lines, int units) {

    static Ready of(Order order) {
      return new Ready(
          order.id(),
          order.dropOff(),
          order.promisedAt(),
          order.lines().size(),
          order.unitsPacked());
    }
  }

  record ReadyToGo(List<List<Ready>> batches) {}

  record Assignment(@NotEmpty @Size(max = Fulfilment.MAX_BATCH) List<@NotBlank String> orderIds) {}

  @GetMapping
  ReadyToGo ready(@PathVariable String storeId) {
    requireStore(storeId);
    return new ReadyToGo(
        fulfilment.batches(storeId).stream()
            .map(batch -> batch.stream().map(Ready::of).toList())
            .toList());
  }

  /**
   * The caller takes the orders out: one, or a batch of close ones; answers those that went out
   * (one can still be lost to another change after the batch was checked: taking it again is safe),
   * or the problem when none did.
   */
  @PostMapping
  List<OrderView> takeOut(
      @PathVariable String storeId,
      @AuthenticationPrincipal Caller caller,
      @Valid @RequestBody Assignment assignment) {
    requireStore(storeId);
    List<Fulfilment.Step> steps =
        fulfilment.dispatch(storeId, courier(caller), assignment.orderIds());
    List<Fulfilment.Step> done = steps.stream().filter(Fulfilment.Step::isDone).toList();
    if (done.isEmpty()) {
      throw FulfilmentAnswers.problem(steps.getFirst());
    }
    return done.stream().map(FulfilmentAnswers::of).toList();
  }

  @GetMapping("/mine")
  List<OrderView> mine(@PathVariable String storeId, @AuthenticationPrincipal Caller caller) {
    requireStore(storeId);
    return fulfilment.outWith(storeId, caller.userId()).stream().map(OrderView::of).toList();
  }

  @PostMapping("/{orderId}/delivered")
  OrderView delivered(
      @PathVariable String storeId,
      @PathVariable String orderId,
      @AuthenticationPrincipal Caller caller) {
    requireStore(storeId);
    return FulfilmentAnswers.of(fulfilment.handOver(storeId, riderOf(caller), orderId, true));
  }

  @PostMapping("/{orderId}/not-delivered")
  OrderView notDelivered(
      @PathVariable String storeId,
      @PathVariable String orderId,
      @AuthenticationPrincipal Caller caller) {
    requireStore(storeId);
    return FulfilmentAnswers.of(fulfilment.handOver(storeId, riderOf(caller), orderId, false));
  }

  /** A rider says only for their own orders; staff and admins for any of the store's. */
  private static String riderOf(Caller caller) {
    return caller.hasRole(Role.STAFF) || caller.hasRole(Role.ADMIN) ? null : caller.userId();
  }

  private Courier courier(Caller caller) {
    String name = accounts.byId(caller.userId()).map(Account::name).orElse(caller.email());
    return new Courier(caller.userId(), name);
  }

  private void requireStore(String storeId) {
    KnownStores.require(catalog, storeId);
  }
}
