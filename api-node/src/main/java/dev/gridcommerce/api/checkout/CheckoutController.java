package dev.gridcommerce.api.checkout;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.cart.Cart;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.checkout.IdempotentCheckout;
import dev.gridcommerce.grid.support.GridMaps;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
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

  private final GridMaps maps;
  private final Checkout checkout;
  private final IdempotentCheckout idempotent;

  CheckoutController(GridMaps maps, Checkout checkout, IdempotentCheckout idempotent) {
    this.maps = maps;
    this.checkout = checkout;
    this.idempotent = idempotent;
  }

  /**
   * @param deliverTo where the order goes; when given, the cart's store must deliver there
   */
  record CheckoutRequest(@Valid GeoPoint deliverTo) {}

  @PostMapping
  ResponseEntity<OrderView> checkout(
      @AuthenticationPrincipal Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody(required = false) CheckoutRequest body) {
    CheckoutRequest request = body == null ? new CheckoutRequest(null) : body;
    requireDelivery(caller, request.deliverTo());
    CheckoutOutcome outcome;
    if (idempotencyKey == null) {
      outcome = checkout.place(caller.userId(), UUID.randomUUID().toString());
    } else {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
        throw ApiProblem.invalid("Idempotency-Key", "must be 1 to 255 characters");
      }
      outcome = unwrap(idempotent.checkout(caller.userId(), idempotencyKey, hash(request)));
    }
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

  private void requireDelivery(Caller caller, GeoPoint deliverTo) {
    if (deliverTo == null) {
      return;
    }
    Cart cart = maps.carts().get(caller.userId());
    DarkStore store =
        cart == null || cart.storeId() == null ? null : maps.stores().get(cart.storeId());
    if (store != null && !store.delivers(deliverTo)) {
      throw new ApiProblem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "outside-delivery-area",
          "Outside the delivery area",
          store.name()
              + " does not deliver to that point; choose a nearer store (GET /api/v1/stores?near=)");
    }
  }

  private static CheckoutOutcome unwrap(IdempotentCheckout.Answer answer) {
    return switch (answer) {
      case IdempotentCheckout.Answer.Outcome outcome -> outcome.outcome();
      case IdempotentCheckout.Answer.Busy busy ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "request-in-progress",
              "Request in progress",
              "a checkout with this Idempotency-Key is still being processed; retry shortly");
      case IdempotentCheckout.Answer.Mismatch mismatch ->
          throw new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "this Idempotency-Key was used for a different request; use a new key");
    };
  }

  /** A stable fingerprint of the request body, to tell a retry from a different request. */
  private static String hash(CheckoutRequest request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(request.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
