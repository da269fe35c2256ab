package dev.gridcommerce.api.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.StandInPayments;
import dev.gridcommerce.api.testing.StoreStock;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.standin.StripeStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Picking and dispatch over HTTP, paid through the Stripe stand-in: a short line refunded partially
 * at Stripe by the right amount once the order is packed, a rider taking it out and failing to
 * deliver it (its units back as a return, the rest refunded), and what staff and riders may not do.
 */
@EmbeddedGridTest
class FulfilmentHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String ORDERS = "/api/v1/stores/" + STORE + "/orders/";
  private static final String DISPATCH = "/api/v1/stores/" + STORE + "/dispatch";
  private static final StripeStandIn STAND_IN =
      StripeStandIn.start(StripeStandIn.Settings.defaults());
  private static final AtomicInteger SHOPPERS = new AtomicInteger();

  @DynamicPropertySource
  static void stripe(DynamicPropertyRegistry registry) {
    StandInPayments.register(registry, STAND_IN);
  }

  @LocalServerPort int port;
  @Autowired GridMaps maps;

  private ApiClient anonymous;
  private ApiClient staff;
  private ApiClient rider;

  @BeforeEach
  void signIn() {
    anonymous = new ApiClient(port);
    StandInPayments.deliverTo(STAND_IN, port);
    staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
    rider = anonymous.login("rider." + STORE + "@commerce.local", "staff-demo-password");
  }

  @AfterAll
  static void stopStandIn() {
    STAND_IN.close();
  }

  private StoreStock store() {
    return new StoreStock(maps, STORE);
  }

  /** A shopper's paid order of 2 x the first sku (refund if short) and 1 x the second. */
  private Paid paidOrder(String first, String second) {
    ApiClient shopper =
        anonymous.newShopper("picker-" + SHOPPERS.incrementAndGet() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
    Response line =
        shopper.put(
            "/api/v1/cart/items/" + first,
            Map.of("quantity", 2, "substitution", Map.of("preference", "REFUND")));
    assertThat(line.status()).as(line.text()).isEqualTo(200);
    assertThat(line.body().get("lines").get(0).get("substitution").get("preference").asString())
        .isEqualTo("REFUND");
    shopper.put("/api/v1/cart/items/" + second, Map.of("quantity", 1));
    Response placed = shopper.post("/api/v1/checkout", null);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    String orderId = placed.body().get("id").asString();
    String intent = placed.body().get("payment").get("intentId").asString();
    STAND_IN.confirm(intent, "pm_card_visa");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> store().order(orderId).status() == OrderStatus.PAID);
    return new Paid(shopper, orderId, intent);
  }

  private record Paid(ApiClient shopper, String orderId, String intent) {}

  private String lineOf(String orderId, String sku) {
    return store().order(orderId).lines().stream()
        .filter(line -> line.sku().equals(sku))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void aShortLineIsRefundedAtStripeByItsPriceOnceTheOrderIsPackedAndItsUnitsGoBack() {
    String refunded = store().someSku(40);
    String kept = store().someSku(41);
    int availableBefore = store().stock(refunded).available();
    Paid paid = paidOrder(refunded, kept);

    Response list = staff.get(ORDERS + paid.orderId() + "/pick-list");
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    assertThat(list.body().get("items")).hasSize(2);
    assertThat(list.body().get("items").get(0).get("location").asString()).matches("[A-Z]-\\d-\\d");
    assertThat(staff.post(ORDERS + paid.orderId() + "/picking", null).status()).isEqualTo(200);

    Response wrong =
        staff.post(
            ORDERS + paid.orderId() + "/lines/" + lineOf(paid.orderId(), kept) + "/picked",
            Map.of("sku", refunded, "quantity", 1));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body().get("type").asString()).endsWith("wrong-product");
    Response shortLine =
        staff.post(
            ORDERS + paid.orderId() + "/lines/" + lineOf(paid.orderId(), refunded) + "/short",
            Map.of("found", 0));
    assertThat(shortLine.status()).as(shortLine.text()).isEqualTo(200);
    assertThat(
            staff
                .post(
                    ORDERS + paid.orderId() + "/lines/" + lineOf(paid.orderId(), kept) + "/picked",
                    Map.of("sku", kept, "quantity", 1))
                .status())
        .isEqualTo(200);
    Response packed = staff.post(ORDERS + paid.orderId() + "/packed", null);
    assertThat(packed.status()).as(packed.text()).isEqualTo(200);
    assertThat(packed.body().get("status").asString()).isEqualTo("PACKED");

    long credit =
        2
            * store()
                .order(paid.orderId())
                .line(lineOf(paid.orderId(), refunded))
                .unitPrice()
                .amountMinor();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(STAND_IN.refundsOf(paid.intent())).containsExactly(credit));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() ->
            assertThat(store().order(paid.orderId()).refunded().amountMinor()).isEqualTo(credit));
    assertThat(store().order(paid.orderId()).status()).isEqualTo(OrderStatus.PACKED);
    assertThat(store().stock(refunded).available()).isEqualTo(availableBefore);
    Response seen = paid.shopper().get("/api/v1/orders/" + paid.orderId());
    assertThat(seen.body().get("credit").get("amount").asLong()).isEqualTo(credit);
    assertThat(seen.body().get("lines").get(0).get("picked").asInt()).isZero();
    assertThat(seen.body().get("timeline").toString()).contains("LINE_SHORT");
  }

  @Test
  void aRiderTakesAPackedOrderOutAndAFailedDeliveryReturnsItsUnitsAndRefundsTheRest() {
    String sku = store().someSku(42);
    String other = store().someSku(43);
    Paid paid = paidOrder(sku, other);
    int onHandBefore = store().stock(sku).onHand();
    staff.post(ORDERS + paid.orderId() + "/picking", null);
    staff.post(ORDERS + paid.orderId() + "/packed", null);

    assertThat(rider.get(ORDERS + paid.orderId() + "/pick-list").status())
        .as("riders don't pick")
        .isEqualTo(403);
    Response ready = rider.get(DISPATCH);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().toString()).contains(paid.orderId());
    Response out = rider.post(DISPATCH, Map.of("orderIds", List.of(paid.orderId())));
    assertThat(out.status()).as(out.text()).isEqualTo(200);
    assertThat(out.body().get(0).get("status").asString()).isEqualTo("OUT_FOR_DELIVERY");
    assertThat(out.body().get(0).get("rider").asString()).isEqualTo("Rider Berlin Mitte");
    assertThat(rider.get(DISPATCH + "/mine").body().toString()).contains(paid.orderId());
    assertThat(store().stock(sku).onHand()).isEqualTo(onHandBefore - 2);
    assertThat(rider.get("/api/v1/stores/berlin-kreuzberg/dispatch").status()).isEqualTo(403);

    Response failed = rider.post(DISPATCH + "/" + paid.orderId() + "/not-delivered", null);

    assertThat(failed.status()).as(failed.text()).isEqualTo(200);
    assertThat(failed.body().get("status").asString()).isEqualTo("FAILED_DELIVERY");
    assertThat(store().stock(sku).onHand()).isEqualTo(onHandBefore);
    assertThat(store().stock(sku).movements())
        .extracting(StockMovement::reason)
        .endsWith(MovementReason.DISPATCH, MovementReason.CUSTOMER_RETURN);
    long total = store().order(paid.orderId()).total().amountMinor();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(STAND_IN.refundsOf(paid.intent())).containsExactly(total));
  }

  @Test
  void badPicksAreClearProblemsAndChangeNothing() {
    Paid paid = paidOrder(store().someSku(44), store().someSku(45));
    String line = lineOf(paid.orderId(), store().someSku(44));

    assertThat(
            staff
                .post(ORDERS + paid.orderId() + "/lines/" + line + "/short", Map.of("found", 0))
                .status())
        .as("not picking yet")
        .isEqualTo(409);
    staff.post(ORDERS + paid.orderId() + "/picking", null);
    assertThat(
            staff
                .post(ORDERS + paid.orderId() + "/lines/" + line + "/short", Map.of("found", 2))
                .status())
        .as("all of it found is no shortage")
        .isEqualTo(422);
    assertThat(staff.post(ORDERS + paid.orderId() + "/lines/L9/short", Map.of("found", 0)).status())
        .isEqualTo(404);
    assertThat(
            staff
                .post(ORDERS + paid.orderId() + "/lines/" + line + "/short", Map.of("found", -1))
                .status())
        .isEqualTo(400);
    assertThat(paid.shopper().post("/api/v1/orders/" + paid.orderId() + "/cancel", null).status())
        .as("a shopper can't cancel once picking started")
        .isEqualTo(409);
    assertThat(store().order(paid.orderId()).lines()).allMatch(l -> !l.isPicked());
  }
}
