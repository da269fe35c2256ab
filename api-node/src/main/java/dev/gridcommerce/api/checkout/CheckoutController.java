package dev.gridcommerce.api.checkout;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutOutcome.Refusal;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.grid.checkout.Checkout;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns the shopper's cart into an order whose stock is held while they pay: every line or none.
 * With an {@code Idempotency-Key}, the same key and body answer what the first request did (the
 * same order, or the same short lines) and hold nothing more; another body under that key is 422.
 */
@RestController
@RequestMapping("/api/v1/checkout")
class CheckoutController {

  private final Checkout checkout;

  CheckoutController(Checkout checkout) {
    this.checkout = checkout;
  }

  /**
   * @param deliverTo where the order goes; when given, the cart's store must deliver there
   */
  record CheckoutBody(@Valid Point deliverTo) {}

  record Point(
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {}

  @PostMapping
  ResponseEntity<OrderView> checkout(
      @AuthenticationPrincipal Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody(required = false) CheckoutBody body) {
    if (idempotencyKey != null && !IdempotencyKey.isValid(idempotencyKey)) {
      throw ApiProblem.invalid(
          "Idempotency-Key",
          "must be 1 to " + IdempotencyKey.MAX_LENGTH + " visible ASCII characters");
    }
    Point point = body == null ? null : body.deliverTo();
    CheckoutRequest request =
        new CheckoutRequest(
            caller.userId(),
            idempotencyKey == null ? null : new IdempotencyKey(caller.userId(), idempotencyKey),
            point == null ? null : new GeoPoint(point.lat(), point.lon()));
    return switch (checkout.place(request)) {
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
      case CheckoutOutcome.Refused refused -> throw refusal(refused);
      case CheckoutOutcome.InProgress busy ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "request-in-progress",
              "Request in progress",
              "a checkout with this Idempotency-Key is still being processed; retry shortly");
      case CheckoutOutcome.KeyReused reused ->
          throw new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "this Idempotency-Key was used for a different request; use a new key");
    };
  }

  private static ApiProblem refusal(CheckoutOutcome.Refused refused) {
    return refused.reason() == Refusal.OUTSIDE_DELIVERY_AREA
        ? new ApiProblem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "outside-delivery-area",
            "Outside the delivery area",
            refused.detail())
        : new ApiProblem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "cart-not-ready",
            "Cart can't be checked out",
            refused.detail(),
            Map.of("reason", refused.reason()));
  }
}
