package dev.gridcommerce.grid.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.gridcommerce.domain.catalog.Money;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PaymentGateway} over Stripe's API with the official client ({@code stripe-java}): the base
 * URL is a setting (Stripe, or the stand-in in tests and the demo), every call has a connect and a
 * read timeout, and failed calls are retried by the client under the same Idempotency-Key. Keys are
 * derived from the order ({@code order-<id>-intent}, and {@code order-<id>-refund-<refunded so
 * far>}), so one order never has two intents, nor two refunds of the same amount owed, whichever
 * node asks and however often, within the 24 hours Stripe keeps a key.
 */
public final class StripeGateway implements PaymentGateway {

  /** The provider's name on payment references. */
  public static final String PROVIDER = "stripe";

  /** The metadata key under which an intent names its order. */
  public static final String ORDER_ID = "order_id";

  /**
   * @param secretKey the API key ({@code STRIPE_SECRET_KEY}), from the environment only
   * @param publishableKey the key browsers pay with ({@code STRIPE_PUBLISHABLE_KEY})
   * @param apiBase {@code https://api.stripe.com}, or the stand-in's address
   * @param retries how often the client tries a failed call again (with backoff)
   */
  public record Settings(
      String secretKey,
      String publishableKey,
      String apiBase,
      Duration connectTimeout,
      Duration readTimeout,
      int retries) {

    public static final String STRIPE_API = "https://api.stripe.com";

    public Settings {
      Objects.requireNonNull(secretKey, "secretKey");
      Objects.requireNonNull(publishableKey, "publishableKey");
      Objects.requireNonNull(apiBase, "apiBase");
      if (retries < 0) {
        throw new IllegalArgumentException("retries can't be negative");
      }
    }

    /**
     * The settings in the environment: {@code STRIPE_SECRET_KEY} (none: empty), {@code
     * STRIPE_PUBLISHABLE_KEY} and {@code STRIPE_API_BASE} (Stripe's API when unset).
     */
    public static Optional<Settings> fromEnvironment(Map<String, String> environment) {
      String secretKey = environment.getOrDefault("STRIPE_SECRET_KEY", "").strip();
      if (secretKey.isEmpty()) {
        return Optional.empty();
      }
      String apiBase = environment.getOrDefault("STRIPE_API_BASE", "").strip();
      return Optional.of(
          of(
              secretKey,
              environment.getOrDefault("STRIPE_PUBLISHABLE_KEY", "").strip(),
              apiBase.isEmpty() ? STRIPE_API : apiBase));
    }

    /** Stripe's API, 2 s to connect, 10 s to answer, 2 retries. */
    public static Settings of(String secretKey, String publishableKey, String apiBase) {
      return new Settings(
          secretKey, publishableKey, apiBase, Duration.ofSeconds(2), Duration.ofSeconds(10), 2);
    }
  }

  private final StripeClient stripe;
  private final Settings settings;

  public StripeGateway(Settings settings) {
    this.settings = settings;
    this.stripe =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.apiBase())
            .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
            .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
            .setMaxNetworkRetries(settings.retries())
            .build();
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String publishableKey() {
    return settings.publishableKey();
  }

  @Override
  public Intent intentFor(String orderId, String shopperId, Money total) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(total.amountMinor())
            .setCurrency(total.currency().toLowerCase(Locale.ROOT))
            .setAutomaticPaymentMethods(
                PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                    .setEnabled(true)
                    .build())
            .putMetadata(ORDER_ID, orderId)
            .putMetadata("shopper_id", shopperId)
            .build();
    return intent(
        call(
            "create the PaymentIntent of order " + orderId,
            () -> stripe.v1().paymentIntents().create(params, key(orderId, "intent"))));
  }

  @Override
  public Intent intent(String intentId) {
    return intent(
        call(
            "read PaymentIntent " + intentId,
            () -> stripe.v1().paymentIntents().retrieve(intentId)));
  }

  @Override
  public Intent cancel(String intentId) {
    return intent(
        call(
            "cancel PaymentIntent " + intentId,
            () -> stripe.v1().paymentIntents().cancel(intentId)));
  }

  @Override
  public Refund refund(String orderId, String intentId, Money amount, Money alreadyRefunded) {
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(intentId)
            .setAmount(amount.amountMinor())
            .putMetadata(ORDER_ID, orderId)
            .build();
    com.stripe.model.Refund refund =
        call(
            "refund order " + orderId,
            () ->
                stripe
                    .v1()
                    .refunds()
                    .create(params, key(orderId, "refund-" + alreadyRefunded.amountMinor())));
    return new Refund(
        refund.getId(), money(refund.getAmount(), refund.getCurrency()), refund.getStatus());
  }

  @Override
  public Money refunded(String intentId) {
    PaymentIntent intent =
        call(
            "read PaymentIntent " + intentId,
            () -> stripe.v1().paymentIntents().retrieve(intentId));
    String chargeId = intent.getLatestCharge();
    if (chargeId == null) {
      return money(0, intent.getCurrency());
    }
    Charge charge = call("read charge " + chargeId, () -> stripe.v1().charges().retrieve(chargeId));
    return money(charge.getAmountRefunded(), charge.getCurrency());
  }

  private static RequestOptions key(String orderId, String what) {
    return RequestOptions.builder().setIdempotencyKey("order-" + orderId + "-" + what).build();
  }

  private static Intent intent(PaymentIntent intent) {
    return new Intent(
        intent.getId(),
        intent.getClientSecret(),
        intent.getStatus(),
        money(intent.getAmount(), intent.getCurrency()),
        orderOf(intent));
  }

  /** The order an intent was made for (its metadata), or null. */
  public static String orderOf(PaymentIntent intent) {
    return orderOf(intent.getMetadata());
  }

  /** The order named in a Stripe object's metadata (an intent's, or its charge's), or null. */
  public static String orderOf(Map<String, String> metadata) {
    return metadata == null ? null : metadata.get(ORDER_ID);
  }

  /** An amount as Stripe writes it (minor units, a lower-case currency code). */
  public static Money money(long amountMinor, String stripeCurrency) {
    return new Money(amountMinor, stripeCurrency.toUpperCase(Locale.ROOT));
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  private static <T> T call(String what, StripeCall<T> call) {
    try {
      return call.run();
    } catch (ApiConnectionException | ApiException | RateLimitException unavailable) {
      throw new PaymentUnavailable(
          "Stripe could not " + what + ": " + unavailable.getMessage(), unavailable);
    } catch (StripeException refused) {
      throw new PaymentRefused(
          refused.getCode(), "Stripe refused to " + what + ": " + refused.getMessage(), refused);
    }
  }
}
