package dev.gridcommerce.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input, tried as a new user would: every one is a 4xx problem document that names what is
 * wrong and changes nothing, whichever layer refuses it (our validation, JSON binding, the security
 * layer, the servlet container); a broken invariant is a 500 that says nothing more.
 */
@EmbeddedGridTest
class BadInputHttpTest {

  private static final String STORE = "berlin-kreuzberg";
  private static final String SKU = "PAN-00012";

  @LocalServerPort int port;

  private ApiClient anonymous;
  private ApiClient shopper;
  private ApiClient staff;

  @BeforeEach
  void signIn() {
    anonymous = new ApiClient(port);
    shopper = anonymous.newShopper("careless-" + System.nanoTime() + "@example.com");
    staff = anonymous.login("staff." + STORE + "@commerce.local", "staff-demo-password");
    shopper.put("/api/v1/cart/store", Map.of("storeId", STORE));
  }

  private static void assertProblem(Response answer, int status, String type) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().get("type").asString()).isEqualTo("urn:commerce:problem:" + type);
  }

  private static void assertFieldError(Response answer, String field, String message) {
    assertProblem(answer, 400, "invalid-request");
    assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    assertThat(answer.body().get("errors").get(0).get("message").asString()).contains(message);
  }

  @Test
  void withoutStripeKeysTheWebhookAndReconciliationSayPaymentsAreNotConfigured() {
    ApiClient admin = anonymous.login("admin@commerce.local", "admin-demo-password");

    assertProblem(
        anonymous.post("/api/v1/payments/stripe/webhook", "{}"), 503, "payments-not-configured");
    assertProblem(
        admin.post("/api/v1/admin/payments/reconcile", null), 503, "payments-not-configured");
    assertFieldError(
        admin.post("/api/v1/admin/payments/reconcile?olderThanSeconds=-1", null),
        "olderThanSeconds",
        "between 0 and 86400");
    // and checkout places orders without a payment
    shopper.put("/api/v1/cart/items/" + SKU, Map.of("quantity", 1));
    Response placed = shopper.post("/api/v1/checkout", null);
    assertThat(placed.status()).isEqualTo(201);
    assertThat(placed.body().get("payment").isNull()).isTrue();
    shopper.post("/api/v1/orders/" + placed.body().get("id").asString() + "/cancel", null);
  }

  private int onHand() {
    return staff
        .get("/api/v1/stores/" + STORE + "/stock?sku=" + SKU)
        .body()
        .get("items")
        .get(0)
        .get("onHand")
        .asInt();
  }

  @Test
  void aQuantityThatIsNotAWholeNumberIsRefusedAndTheCartStaysAsItWas() {
    String path = "/api/v1/cart/items/" + SKU;

    assertFieldError(shopper.put(path, "{\"quantity\":1.5}"), "quantity", "whole number");
    assertFieldError(shopper.put(path, "{\"quantity\":\"1\"}"), "quantity", "whole number");
    assertFieldError(shopper.put(path, "{\"quantity\":true}"), "quantity", "whole number");
    assertFieldError(shopper.put(path, "{\"quantity\":51}"), "quantity", "50");

    assertThat(shopper.get("/api/v1/cart").body().get("lines")).isEmpty();
    assertThat(shopper.put(path, "{\"quantity\":2}").status()).isEqualTo(200);
  }

  @Test
  void aStaffAdjustmentOfPartUnitsIsRefusedAndTheStockStaysAsItWas() {
    int before = onHand();

    Response partUnits =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            "{\"delta\":1.5,\"reason\":\"DELIVERY\"}");
    Response wrongReason =
        staff.post(
            "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments",
            "{\"delta\":1,\"reason\":\"GIFT\"}");

    assertFieldError(partUnits, "delta", "whole number");
    assertFieldError(wrongReason, "reason", "must be one of DELIVERY");
    assertThat(onHand()).isEqualTo(before);
  }

  @Test
  void searchParametersThatCannotMakeAPageAreRefusedByName() {
    assertFieldError(
        anonymous.get("/api/v1/products?minPrice=500&maxPrice=100"), "minPrice", "maxPrice");
    assertFieldError(anonymous.get("/api/v1/products?page=500&size=50"), "page", "10000");
    assertFieldError(anonymous.get("/api/v1/products?sort=cheapest"), "sort", "price_asc");

    assertThat(anonymous.get("/api/v1/products?minPrice=100&maxPrice=100").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/products?page=199&size=50").status()).isEqualTo(200);
  }

  @Test
  void aShopperCallingAStaffEndpointIsForbiddenWhateverTheBody() {
    String adjust = "/api/v1/stores/" + STORE + "/stock/" + SKU + "/adjustments";

    assertProblem(shopper.post(adjust, "{\"delta\":1,\"reason\":\"DELIVERY\"}"), 403, "forbidden");
    assertProblem(shopper.post(adjust, "{\"delta\":1.5}"), 403, "forbidden");
    assertProblem(shopper.post(adjust, "not json at all"), 403, "forbidden");
    assertProblem(
        anonymous
            .login("staff.berlin-mitte@commerce.local", "staff-demo-password")
            .post(adjust, "not json at all"),
        403,
        "forbidden");
    assertProblem(anonymous.post(adjust, "not json at all"), 401, "unauthorized");
  }

  @Test
  void addressesTheServletContainerRefusesStillGetAProblemDocument() throws IOException {
    assertProblem(rawGet("/api/v1/products/FRU%2F00001"), 400, "malformed-request");
    assertProblem(rawGet("/api/v1/products/FRU%0000001"), 400, "malformed-request");
    assertProblem(rawGet("/api/v1/products?q=" + "x".repeat(20_000)), 400, "malformed-request");
  }

  @Test
  void aBrokenInvariantIsAnInternalErrorThatGivesNothingAway() {
    Response answer = shopper.get("/api/v1/test/broken-invariant");

    assertProblem(answer, 500, "internal-error");
    assertThat(answer.text()).doesNotContain("reserved").doesNotContain("Exception");
  }

  /** Sends a request line as written, byte for byte (no client library rewrites it). */
  private Response rawGet(String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return ApiClient.parseRaw(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
