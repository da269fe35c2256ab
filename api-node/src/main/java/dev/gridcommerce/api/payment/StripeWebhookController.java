package dev.gridcommerce.api.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.grid.payment.Payments;
import dev.gridcommerce.grid.payment.StripeGateway;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook: public (Stripe signs it instead of logging in), the raw body verified with
 * {@code STRIPE_WEBHOOK_SECRET} before anything is read from it; a missing, wrong or stale
 * signature is 400 and changes nothing. {@code payment_intent.succeeded} pays the order named in
 * the intent's metadata (once, whatever the number of copies), {@code
 * payment_intent.payment_failed} puts the failure on its timeline, {@code payment_intent.canceled}
 * cancels the order if still unpaid, {@code charge.refunded} records how much was refunded (in
 * full, the order is refunded); other events, and events about intents of no order, are
 * acknowledged and logged. When the order is busy the answer is 503, so Stripe sends the event
 * again.
 */
@RestController
@RequestMapping("/api/v1/payments/stripe/webhook")
class StripeWebhookController {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

  private final Payments payments;
  private final StripeSettings settings;

  StripeWebhookController(Payments payments, StripeSettings settings) {
    this.payments = payments;
    this.settings = settings;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> receive(
      @RequestBody(required = false) String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (!settings.receivesWebhooks()) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "payments-not-configured",
          "Payments not configured",
          "this API node has no STRIPE_WEBHOOK_SECRET, so it can't verify Stripe's events");
    }
    Event event = verified(payload, signature);
    String type = event.getType() == null ? "" : event.getType();
    Payments.Verdict verdict =
        switch (type) {
          case "payment_intent.succeeded" -> succeeded(event, intent(event));
          case "payment_intent.payment_failed" -> failed(event, intent(event));
          case "payment_intent.canceled" -> cancelled(event, intent(event));
          case "charge.refunded" -> refunded(event, object(event, Charge.class));
          default -> null;
        };
    if (verdict == Payments.Verdict.RETRY_LATER) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "order-busy",
          "Order busy",
          "the order is applying an earlier change; send the event again");
    }
    return ResponseEntity.ok(
        Map.of(
            "received",
            true,
            "event",
            String.valueOf(event.getId()),
            "outcome",
            verdict == null ? "IGNORED" : verdict.name()));
  }

  private Event verified(String payload, String signature) {
    if (payload == null || signature == null) {
      throw badSignature("the request has no body or no Stripe-Signature header");
    }
    try {
      return Webhook.constructEvent(
          payload, signature, settings.webhookSecret(), settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException e) {
      throw badSignature(e.getMessage());
    } catch (RuntimeException notAnEvent) {
      throw badSignature("the body is not a Stripe event");
    }
  }

  private static ApiProblem badSignature(String detail) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid webhook signature", detail);
  }

  private static PaymentIntent intent(Event event) {
    return object(event, PaymentIntent.class);
  }

  /** The event's object, when it is one of that type; else null (logged). */
  private static <T extends StripeObject> T object(Event event, Class<T> type) {
    try {
      StripeObject object =
          event.getDataObjectDeserializer().getObject().orElseGet(() -> unsafe(event));
      return type.isInstance(object) ? type.cast(object) : null;
    } catch (RuntimeException unreadable) {
      log.warn("Stripe event {} can't be read: {}", event.getId(), unreadable.toString());
      return null;
    }
  }

  /** An event rendered in another API version than the library's: read it as it is. */
  private static StripeObject unsafe(Event event) {
    try {
      return event.getDataObjectDeserializer().deserializeUnsafe();
    } catch (com.stripe.exception.EventDataObjectDeserializationException e) {
      log.warn(
          "Stripe event {} ({}) can't be read: {}", event.getId(), event.getType(), e.getMessage());
      return null;
    }
  }

  private Payments.Verdict succeeded(Event event, PaymentIntent intent) {
    String orderId = orderOf(event, intent);
    if (orderId == null) {
      return Payments.Verdict.UNKNOWN_ORDER;
    }
    Money paid = received(intent);
    if (paid == null) {
      log.warn(
          "Stripe event {} says intent {} succeeded but not what it took: not taken as payment",
          event.getId(),
          intent.getId());
      return null;
    }
    return payments.succeeded(StripeGateway.PROVIDER, orderId, intent.getId(), paid);
  }

  /** What the intent took, as the event says; null when it doesn't say (never assumed). */
  private static Money received(PaymentIntent intent) {
    if (intent.getAmountReceived() == null || intent.getCurrency() == null) {
      return null;
    }
    try {
      return StripeGateway.money(intent.getAmountReceived(), intent.getCurrency());
    } catch (IllegalArgumentException notACurrency) {
      return null;
    }
  }

  private Payments.Verdict failed(Event event, PaymentIntent intent) {
    String orderId = orderOf(event, intent);
    if (orderId == null) {
      return Payments.Verdict.UNKNOWN_ORDER;
    }
    String reason =
        intent.getLastPaymentError() == null
            ? "the payment failed"
            : intent.getLastPaymentError().getMessage();
    return payments.failed(orderId, event.getId(), reason);
  }

  private Payments.Verdict cancelled(Event event, PaymentIntent intent) {
    String orderId = orderOf(event, intent);
    return orderId == null
        ? Payments.Verdict.UNKNOWN_ORDER
        : payments.cancelled(StripeGateway.PROVIDER, orderId, intent.getId(), event.getId());
  }

  /** A refund of a charge: the charge says how much of it is refunded in all. */
  private Payments.Verdict refunded(Event event, Charge charge) {
    String orderId = charge == null ? null : StripeGateway.orderOf(charge.getMetadata());
    if (orderId == null) {
      log.warn("Stripe event {} ({}) is about no order of ours", event.getId(), event.getType());
      return Payments.Verdict.UNKNOWN_ORDER;
    }
    if (charge.getAmountRefunded() == null || charge.getCurrency() == null) {
      log.warn("Stripe event {} says a charge was refunded but not how much", event.getId());
      return null;
    }
    return payments.refunded(
        orderId,
        StripeGateway.money(charge.getAmountRefunded(), charge.getCurrency()),
        event.getId());
  }

  private static String orderOf(Event event, PaymentIntent intent) {
    String orderId = intent == null ? null : StripeGateway.orderOf(intent);
    if (orderId == null) {
      log.warn("Stripe event {} ({}) is about no order of ours", event.getId(), event.getType());
    }
    return orderId;
  }
}
