package dev.gridcommerce.grid.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.standin.StripeStandIn;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway against the Stripe stand-in, through the real stripe-java over HTTP. */
class StripeGatewayTest {

  private static final Money TOTAL = new Money(1_299, "EUR");

  private final StripeStandIn standIn = StripeStandIn.start(StripeStandIn.Settings.defaults());

  private StripeGateway gateway(Duration readTimeout, int retries) {
    return new StripeGateway(
        new StripeGateway.Settings(
            standIn.settings().secretKey(),
            standIn.settings().publishableKey(),
            standIn.apiBase(),
            Duration.ofSeconds(2),
            readTimeout,
            retries));
  }

  private final StripeGateway gateway = gateway(Duration.ofSeconds(5), 2);

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void anOrderHasOneIntentForItsTotalHoweverOftenItIsAskedFor() {
    PaymentGateway.Intent first = gateway.intentFor("o-1", "shopper-1", TOTAL);
    PaymentGateway.Intent again =
        gateway(Duration.ofSeconds(5), 0).intentFor("o-1", "shopper-1", TOTAL);

    assertThat(again).isEqualTo(first);
    assertThat(first.amount()).isEqualTo(TOTAL);
    assertThat(first.orderId()).isEqualTo("o-1");
    assertThat(first.status()).isEqualTo("requires_payment_method");
    assertThat(first.clientSecret()).startsWith(first.id() + "_secret_");
    assertThat(gateway.intent(first.id())).isEqualTo(first);
    assertThat(standIn.intentsCreated()).isEqualTo(1);
  }

  @Test
  void aProviderThatFailsAFewTimesIsRetriedAndOneThatStaysDownIsUnavailable() {
    standIn.faults().failNext("/v1/payment_intents", 2, 500);
    assertThat(gateway.intentFor("o-2", "shopper-1", TOTAL).orderId()).isEqualTo("o-2");

    standIn.faults().failNext("/v1/payment_intents", 3, 503);
    assertThatThrownBy(() -> gateway.intentFor("o-3", "shopper-1", TOTAL))
        .isInstanceOf(PaymentUnavailable.class)
        .hasMessageContaining("order o-3");
    assertThat(standIn.intentsCreated()).isEqualTo(1);

    assertThat(gateway.intentFor("o-3", "shopper-1", TOTAL).orderId()).isEqualTo("o-3");
    assertThat(standIn.intentsCreated()).isEqualTo(2);
  }

  @Test
  void anIntentWhoseAnswerWasLostIsNotMadeTwice() {
    standIn.faults().delayNext("/v1/payment_intents", 3, Duration.ofSeconds(2));
    StripeGateway impatient = gateway(Duration.ofMillis(500), 2);

    assertThatThrownBy(() -> impatient.intentFor("o-4", "shopper-1", TOTAL))
        .isInstanceOf(PaymentUnavailable.class);
    PaymentGateway.Intent later = gateway.intentFor("o-4", "shopper-1", TOTAL);

    assertThat(later.orderId()).isEqualTo("o-4");
    assertThat(standIn.intentsCreated()).isEqualTo(1);
  }

  @Test
  void anUnreachableProviderIsUnavailable() {
    StripeGateway nowhere =
        new StripeGateway(
            new StripeGateway.Settings(
                "sk_test_x",
                "pk_test_x",
                "http://127.0.0.1:9",
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                1));

    assertThatThrownBy(() -> nowhere.intentFor("o-5", "shopper-1", TOTAL))
        .isInstanceOf(PaymentUnavailable.class);
  }

  @Test
  void anOrderIsRefundedOnceForEachStateAndACancelledIntentCantBeCancelledAgain() {
    PaymentGateway.Intent intent = gateway.intentFor("o-6", "shopper-1", TOTAL);
    payAtTheStandIn(intent.id());

    Money none = new Money(0, "EUR");
    Money part = new Money(299, "EUR");
    assertThat(gateway.refunded(intent.id())).isEqualTo(none);
    PaymentGateway.Refund refund = gateway.refund("o-6", intent.id(), part, none);
    PaymentGateway.Refund again = gateway.refund("o-6", intent.id(), part, none);

    assertThat(refund).isEqualTo(again);
    assertThat(refund.amount()).isEqualTo(part);
    assertThat(refund.status()).isEqualTo("succeeded");
    assertThat(standIn.refundsMade()).isEqualTo(1);
    assertThat(gateway.refunded(intent.id())).isEqualTo(part);
    // the rest is another refund, from the state after the first
    gateway.refund("o-6", intent.id(), TOTAL.minus(part), part);
    assertThat(standIn.refundsMade()).isEqualTo(2);
    assertThat(gateway.refunded(intent.id())).isEqualTo(TOTAL);

    PaymentGateway.Intent unpaid = gateway.intentFor("o-7", "shopper-1", TOTAL);
    assertThat(gateway.cancel(unpaid.id()).status()).isEqualTo("canceled");
    assertThatThrownBy(() -> gateway.cancel(unpaid.id()))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.code()).isEqualTo("payment_intent_unexpected_state"));
  }

  /** What a shopper's browser does: confirm the intent with a test card. */
  private void payAtTheStandIn(String intentId) {
    assertThat(standIn.confirm(intentId, "pm_card_visa")).isEqualTo(200);
    assertThat(gateway.intent(intentId).succeeded()).isTrue();
  }
}
