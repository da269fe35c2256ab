package dev.gridcommerce.api.checkout;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.payment.PaymentRefused;
import dev.gridcommerce.grid.payment.PaymentUnavailable;
import dev.gridcommerce.grid.payment.Payments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turns the shopper's cart into an order whose stock is held while they pay: every line or none,
 * and starts its payment (the 201 answer carries what the browser pays with). With an {@code
 * Idempotency-Key}, the same key and body answer what the first request did (the same order with
 * the same client secret, or the same short lines) and hold nothing more; another body under that
 * key is 422.
 *
 * <p>When Stripe can't be reached (or refuses the PaymentIntent), the answer is a 503 (or 502)
 * problem: under an Idempotency-Key the order keeps its stock until it expires, so the same request
 * resumes it and gets its one intent once Stripe is back; without a key the order is cancelled at
 * once and its stock released, since nobody could resume it.
 */
@RestController
@RequestMapping("/api/v1/checkout")
class CheckoutController {

  private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);

  private final Checkout checkout;
  private final Payments payments;
  private final Orders orders;

  CheckoutController(Checkout checkout, Payments payments, Orders orders) {
    this.checkout = checkout;
    this.payments = payments;
    this.orders = orders;
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
              .body(withPayment(placed.order(), request.key() != null));
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

  /** The placed order with its payment started (see the class's note on Stripe's failures). */
  private OrderView withPayment(Order order, boolean resumable) {
    try {
      return payments
          .start(order)
          .map(started ->
              OrderView.of(started.order())
                  .withPayment(
                      new OrderView.Payment(
                          started.provider(),
                          started.intentId(),
                          started.clientSecret(),
                          started.publishableKey(),
                          started.status())))
          .orElseGet(() -> OrderView.of(order));
    } catch (PaymentUnavailable | PaymentRefused failed) {
      log.warn("payment of order {} not started: {}", order.id(), failed.getMessage());
      String outcome;
      if (resumable) {
        outcome =
            "your items stay reserved until "
                + order.expiresAt()
                + ": send the same request with the same Idempotency-Key again shortly";
      } else {
        orders.cancelForShopper(order.shopperId(), order.id());
        outcome = "the order was cancelled and its items released: check out again shortly";
      }
      boolean unavailable = failed instanceof PaymentUnavailable;
      throw new ApiProblem(
          unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
          unavailable ? "payment-unavailable" : "payment-refused",
          unavailable ? "Payment provider unavailable" : "Payment provider refused the payment",
          "the payment of order " + order.id() + " could not be started; " + outcome,
          Map.of("orderId", order.id(), "retryable", resumable));
    }
  }

  private static ApiProblem refusal(CheckoutOutcome.Refused refused) {
    return switch (refused.reason()) {
      case OUTSIDE_DELIVERY_AREA ->
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "outside-delivery-area",
              "Outside the delivery area",
              refused.detail());
      case VOUCHER_NOT_APPLICABLE ->
          new ApiProblem(
              HttpStatus.CONFLICT,
              "voucher-not-applicable",
              "Voucher doesn't apply",
              refused.detail());
      case VOUCHER_UNAVAILABLE ->
          new ApiProblem(
              HttpStatus.CONFLICT, "voucher-unavailable", "Voucher used up", refused.detail());
      case PROMISE_EXCEEDED ->
          new ApiProblem(
              HttpStatus.CONFLICT,
              "promise-exceeded",
              "The store can't deliver in time",
              refused.detail());
      default ->
          new ApiProblem(
              HttpStatus.UNPROCESSABLE_CONTENT,
              "cart-not-ready",
              "Cart can't be checked out",
              refused.detail(),
              Map.of("reason", refused.reason()));
    };
  }
}
