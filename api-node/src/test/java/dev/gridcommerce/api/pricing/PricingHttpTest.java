package dev.gridcommerce.api.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.StandInPayments;
import dev.gridcommerce.standin.StripeStandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prices over HTTP at a demo store (Germany; 1.99 EUR delivery, free from 30.00 EUR; 1.50 EUR below
 * 10.00 EUR): the cart shows each line's VAT and the breakdown, a voucher's discount or why it
 * doesn't apply, and the order keeps the breakdown whose total is what Stripe is asked to charge.
 * The figures are the hand-worked ones of the domain's PricingTest.
 */
@EmbeddedGridTest
class PricingHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String JAM = "PRC-00001"; // 2.69, reduced rate
  private static final String KETTLE = "PRC-00002"; // 21.00, standard rate
  private static final StripeStandIn STAND_IN =
      StripeStandIn.start(StripeStandIn.Settings.defaults());
  private static final AtomicInteger SHOPPERS = new AtomicInteger();

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    StandInPayments.register(registry, STAND_IN);
  }

  @AfterAll
  static void stopStandIn() {
    STAND_IN.close();
  }

  @LocalServerPort int port;

  private ApiClient admin;
  private ApiClient shopper;

  @BeforeEach
  void catalogAndShopper() {
    ApiClient anonymous = new ApiClient(port);
    admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    ApiClient staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
    product(JAM, "Quince Jam", 269, "REDUCED");
    product(KETTLE, "Kettle", 2100, "STANDARD");
    for (String sku : new String[] {JAM, KETTLE}) {
      staff.post(
          "/api/v1/stores/" + STORE + "/stock/" + sku + "/adjustments",
          Map.of("delta", 20, "reason", "DELIVERY"));
    }
    voucher("TENOFF", "PERCENTAGE", 1000, 0, 2000);
    voucher("FREESHIP", "FREE_DELIVERY", 0, 0, 0);
    shopper = anonymous.newShopper("pricing-" + SHOPPERS.incrementAndGet() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
  }

  private void product(String sku, String name, long cents, String taxClass) {
    Response put =
        admin.put(
            "/api/v1/products/" + sku,
            Map.of(
                "name",
                name,
                "brand",
                "Testbrand",
                "category",
                "Test",
                "price",
                Map.of("amount", cents, "currency", "EUR"),
                "taxClass",
                taxClass));
    assertThat(put.status()).as(put.text()).isIn(200, 201);
  }

  private void voucher(String code, String kind, int percent, long amountOff, long minimum) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("kind", kind);
    if (percent > 0) {
      body.put("percentBasisPoints", percent);
    }
    if (amountOff > 0) {
      body.put("amountOff", amountOff);
    }
    body.put("currency", "EUR");
    body.put("minimumBasket", minimum);
    body.put("validUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString());
    body.put("maxRedemptions", 1000);
    body.put("maxPerShopper", 100);
    Response created = admin.post("/api/v1/admin/vouchers", body);
    assertThat(created.status()).as(created.text()).isIn(201, 409);
  }

  private static long amount(JsonNode node, String field) {
    return node.get(field).get("amount").asLong();
  }

  @Test
  void theCartShowsEachLinesTaxAndAPercentageVoucherRoundedHalfEven() {
    shopper.put("/api/v1/cart/items/" + JAM, Map.of("quantity", 5));
    JsonNode cart = shopper.put("/api/v1/cart/items/" + KETTLE, Map.of("quantity", 1)).body();

    JsonNode price = cart.get("price");
    assertThat(amount(price, "subtotal")).isEqualTo(3445);
    assertThat(amount(price, "deliveryFee")).isZero(); // 34.45 >= 30.00
    // 1345 x 7/107 = 87.99 -> 88; 2100 x 19/119 = 335.29 -> 335
    assertThat(cart.get("lines").get(0).get("tax").get("amount").asLong()).isEqualTo(88);
    assertThat(cart.get("lines").get(1).get("taxRateBasisPoints").asInt()).isEqualTo(1900);
    assertThat(amount(price, "tax")).isEqualTo(88 + 335);
    assertThat(amount(price, "total")).isEqualTo(3445);

    JsonNode withVoucher = shopper.put("/api/v1/cart/voucher", Map.of("code", "tenoff")).body();
    assertThat(withVoucher.get("voucher").get("code").asString()).isEqualTo("TENOFF");
    assertThat(withVoucher.get("voucher").get("applied").asBoolean()).isTrue();
    assertThat(amount(withVoucher.get("voucher"), "saving")).isEqualTo(344);
    assertThat(amount(withVoucher.get("price"), "discount")).isEqualTo(344); // 344.5 -> 344
    assertThat(amount(withVoucher.get("price"), "tax")).isEqualTo(79 + 302);
    assertThat(amount(withVoucher, "total")).isEqualTo(3101);

    JsonNode tooSmall = shopper.put("/api/v1/cart/items/" + KETTLE, Map.of("quantity", 0)).body();
    assertThat(tooSmall.get("voucher").get("applied").asBoolean()).isFalse();
    assertThat(tooSmall.get("voucher").get("reason").asString())
        .isEqualTo("this voucher needs a basket of at least 20.00 EUR; add 6.55 EUR");
    assertThat(amount(tooSmall.get("price"), "deliveryFee")).isEqualTo(199);
    assertThat(amount(tooSmall, "total")).isEqualTo(1345 + 199);

    assertThat(shopper.delete("/api/v1/cart/voucher").body().get("voucher").isNull()).isTrue();
  }

  @Test
  void freeDeliveryWaivesTheFeeButASmallBasketStillPaysItsSurcharge() {
    shopper.put("/api/v1/cart/items/" + JAM, Map.of("quantity", 1));
    JsonNode before = shopper.get("/api/v1/cart").body();
    assertThat(amount(before.get("price"), "deliveryFee")).isEqualTo(199);
    assertThat(amount(before.get("price"), "smallBasketFee")).isEqualTo(150);
    assertThat(amount(before, "total")).isEqualTo(269 + 199 + 150);

    JsonNode free = shopper.put("/api/v1/cart/voucher", Map.of("code", "FreeShip")).body();
    assertThat(amount(free.get("price"), "deliveryFee")).isZero();
    assertThat(amount(free.get("voucher"), "saving")).isEqualTo(199);
    assertThat(amount(free, "total")).isEqualTo(269 + 150);
  }

  @Test
  void anUnknownVoucherIs404AndLeavesTheCartAsItWas() {
    shopper.put("/api/v1/cart/items/" + JAM, Map.of("quantity", 1));

    Response unknown = shopper.put("/api/v1/cart/voucher", Map.of("code", "NOSUCHCODE"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(shopper.get("/api/v1/cart").body().get("voucher").isNull()).isTrue();
    assertThat(shopper.put("/api/v1/cart/voucher", Map.of("code", "")).status()).isEqualTo(400);
  }

  @Test
  void checkoutKeepsTheBreakdownOnTheOrderAndStripeIsAskedForItsTotal() throws Exception {
    shopper.put("/api/v1/cart/items/" + JAM, Map.of("quantity", 5));
    shopper.put("/api/v1/cart/items/" + KETTLE, Map.of("quantity", 1));
    shopper.put("/api/v1/cart/voucher", Map.of("code", "TENOFF"));

    Response placed = shopper.post("/api/v1/checkout", null);

    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    JsonNode order = placed.body();
    assertThat(order.get("voucherCode").asString()).isEqualTo("TENOFF");
    assertThat(amount(order.get("price"), "discount")).isEqualTo(344);
    assertThat(amount(order.get("price"), "tax")).isEqualTo(381);
    assertThat(amount(order, "total")).isEqualTo(3101);
    assertThat(order.get("lines").get(0).get("tax").get("amount").asLong()).isEqualTo(79);
    assertThat(intentAmount(order.get("payment").get("intentId").asString())).isEqualTo(3101);
    JsonNode stored = shopper.get("/api/v1/orders/" + order.get("id").asString()).body();
    assertThat(stored.get("price")).isEqualTo(order.get("price"));
    assertThat(admin.get("/api/v1/admin/vouchers/tenoff").body().get("held").asLong()).isPositive();
  }

  @Test
  void aVoucherThatDoesNotApplyAtCheckoutIsRefusedAndHoldsNothing() {
    shopper.put("/api/v1/cart/items/" + JAM, Map.of("quantity", 1));
    shopper.put("/api/v1/cart/voucher", Map.of("code", "TENOFF"));
    int before = available(JAM);

    Response refused = shopper.post("/api/v1/checkout", null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:voucher-not-applicable");
    assertThat(refused.body().get("detail").asString()).contains("needs a basket of at least");
    assertThat(available(JAM)).isEqualTo(before);
  }

  @Test
  void feesAreNeverDiscountedAndAProductInAnotherCurrencyIsNotSoldHere() {
    // a voucher takes everything off the goods, never the fees: the cart still costs them
    voucher("ALLFREE", "PERCENTAGE", 10_000, 0, 0);
    shopper.put("/api/v1/cart/items/" + KETTLE, Map.of("quantity", 2));
    JsonNode free = shopper.put("/api/v1/cart/voucher", Map.of("code", "allfree")).body();
    assertThat(amount(free, "total")).isEqualTo(199 + 150);

    Response dollars =
        admin.put(
            "/api/v1/products/PRC-00003",
            Map.of(
                "name", "Imported Syrup",
                "brand", "Testbrand",
                "category", "Test",
                "price", Map.of("amount", 599, "currency", "USD")));
    assertThat(dollars.status()).isIn(200, 201);
    shopper.delete("/api/v1/cart/voucher");
    Response cart = shopper.put("/api/v1/cart/items/PRC-00003", Map.of("quantity", 1));
    assertThat(cart.status()).as(cart.text()).isEqualTo(200);
    assertThat(amount(cart.body().get("price"), "subtotal")).isEqualTo(4200);
    assertThat(cart.body().get("lines").get(1).get("sold").asBoolean()).isFalse();
    Response refused = shopper.post("/api/v1/checkout", null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("detail").asString()).contains("PRC-00003");
  }

  @Test
  void adminCreatesListsAndDeletesVouchersAndBadTermsAre400() {
    voucher("GONE-SOON", "FIXED_AMOUNT", 0, 500, 0);
    Response again =
        admin.post(
            "/api/v1/admin/vouchers",
            Map.of(
                "code",
                "gone-soon",
                "kind",
                "FIXED_AMOUNT",
                "amountOff",
                500,
                "currency",
                "EUR",
                "validUntil",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "maxRedemptions",
                1));
    assertThat(again.status()).isEqualTo(409);
    assertThat(admin.get("/api/v1/admin/vouchers").text()).contains("GONE-SOON");

    Response badKind =
        admin.post(
            "/api/v1/admin/vouchers",
            Map.of(
                "code", "BAD1",
                "kind", "HALF_OFF",
                "currency", "EUR",
                "validUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "maxRedemptions", 1));
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    Response noAmount =
        admin.post(
            "/api/v1/admin/vouchers",
            Map.of(
                "code", "NOAMOUNT",
                "kind", "FIXED_AMOUNT",
                "currency", "EUR",
                "validUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "maxRedemptions", 1));
    assertThat(noAmount.status()).isEqualTo(400);
    assertThat(noAmount.body().get("errors").get(0).get("field").asString()).isEqualTo("amountOff");
    assertThat(admin.get("/api/v1/admin/vouchers/NOAMOUNT").status()).isEqualTo(404);
    assertThat(shopper.get("/api/v1/admin/vouchers").status()).isEqualTo(403);

    assertThat(admin.delete("/api/v1/admin/vouchers/gone-soon").status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/admin/vouchers/GONE-SOON").status()).isEqualTo(404);
  }

  private int available(String sku) {
    return new ApiClient(port)
        .get("/api/v1/products/" + sku + "?store=" + STORE)
        .body()
        .get("available")
        .asInt();
  }

  /** What the stand-in was asked to charge for the intent, read as stripe-java would. */
  private static long intentAmount(String intentId) throws Exception {
    HttpResponse<String> intent =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(STAND_IN.apiBase() + "/v1/payment_intents/" + intentId))
                    .header("Authorization", "Bearer " + STAND_IN.settings().secretKey())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(intent.statusCode()).as(intent.body()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(intent.body()).get("amount").asLong();
  }
}
