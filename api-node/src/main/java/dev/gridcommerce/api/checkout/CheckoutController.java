package dev.gridcommerce.api.checkout;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.grid.GridMaps;
import dev.gridcommerce.grid.checkout.Checkout;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns the shopper's cart into an order whose stock is held while they pay. With an {@code
 * Idempotency-Key}, the order id is derived from the shopper and the key, so a retried request
 * finds the order the first one placed instead of placing another.
 */
@RestController
@RequestMapping("/api/v1/checkout")
class CheckoutController {

  private final Checkout checkout;

  CheckoutController(GridMaps maps, Clock clock, CheckoutSettings settings) {
    this.checkout = new Checkout(maps, clock, settings.holdFor());
  }

  @PostMapping
  ResponseEntity<OrderView> checkout(
      @AuthenticationPrincipal Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    CheckoutOutcome outcome = checkout.place(caller.userId(), orderId(caller, idempotencyKey));
    return switch (outcome) {
      case CheckoutOutcome.Placed placed ->
          ResponseEntity.created(URI.create("/api/v1/orders/" + placed.order().id()))
              .body(OrderView.of(placed.order()));
      case CheckoutOutcome.Short shortOf ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "insufficient-stock",
              "Not enough stock",
              "some lines can't be filled at this store; nothing was held",
              Map.of("shortLines", shortOf.shortLines()));
      case CheckoutOutcome.Refused refused ->
          throw new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "cart-not-ready",
              "Cart can't be checked out",
              refused.reason());
    };
  }

  private static String orderId(Caller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return UUID.randomUUID().toString();
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw ApiProblem.invalid("Idempotency-Key", "must be 1 to 255 characters");
    }
    return UUID.nameUUIDFromBytes(
            (caller.userId() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
