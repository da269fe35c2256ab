package dev.gridcommerce.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Loopback;
import dev.gridcommerce.api.testing.StandInPayments;
import dev.gridcommerce.api.testing.StoreStock;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.OrderEventHandler;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.standin.StripeStandIn;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Shoppers' and staff's mail against a real SMTP server on loopback (GreenMail): each mail of an
 * order's life arrives once, with its content; while the server is down nothing is lost; a
 * redelivered event sends nothing twice; markup in a product's name is escaped; a product that runs
 * low alerts the store's staff.
 */
@EmbeddedGridTest
class OrderMailsHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String STAFF = "staff." + STORE + "@commerce.local";
  private static final StripeStandIn STAND_IN =
      StripeStandIn.start(StripeStandIn.Settings.defaults());
  private static final int SMTP_PORT = Loopback.freePort();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static final AtomicInteger SHOPPERS = new AtomicInteger();

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mailAndPayments(DynamicPropertyRegistry registry) {
    StandInPayments.register(registry, STAND_IN);
    registry.add("commerce.notifications.smtp.host", () -> "127.0.0.1");
    registry.add("commerce.notifications.smtp.port", () -> SMTP_PORT);
    registry.add("commerce.notifications.shop-name", () -> "Test Grocer");
  }

  @LocalServerPort int port;
  @Autowired GridMaps maps;
  @Autowired Catalog catalog;
  @Autowired Inventory inventory;
  @Autowired OrderEventHandler emailHandler;

  private ApiClient anonymous;
  private ApiClient staff;

  @BeforeEach
  void signIn() {
    anonymous = new ApiClient(port);
    staff = anonymous.login(STAFF, "staff-demo-password");
    StandInPayments.deliverTo(STAND_IN, port);
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
    STAND_IN.close();
  }

  private record Shopper(String email, ApiClient client) {}

  private Shopper shopper() {
    String email = "mail-" + SHOPPERS.incrementAndGet() + "@example.com";
    return new Shopper(email, anonymous.newShopper(email));
  }

  private String someSku(int index) {
    return new StoreStock(maps, STORE).someSku(index);
  }

  /** The shopper's order of {@code units} of {@code sku}, paid with {@code card}; its id. */
  private String order(Shopper shopper, String sku, int units, String card) {
    shopper.client().put("/api/v1/cart/store", Map.of("storeId", STORE));
    shopper.client().put("/api/v1/cart/items/" + sku, Map.of("quantity", units));
    Response placed = shopper.client().post("/api/v1/checkout", null);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    STAND_IN.confirm(placed.body().get("payment").get("intentId").asString(), card);
    return placed.body().get("id").asString();
  }

  private void awaitStatus(ApiClient shopper, String orderId, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            shopper
                .get("/api/v1/orders/" + orderId)
                .body()
                .get("status")
                .asString()
                .equals(status));
  }

  private void move(String orderId, String status) {
    Response moved =
        staff.post(
            "/api/v1/stores/" + STORE + "/orders/" + orderId + "/status", Map.of("status", status));
    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
  }

  private record Mail(String subject, String text, String html) {}

  private static List<Mail> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(message -> recipient(message).equals(address))
        .map(OrderMailsHttpTest::read)
        .toList();
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mail read(MimeMessage message) {
    try {
      List<String> parts = new ArrayList<>(List.of("", ""));
      collect(message.getContent(), message.getContentType(), parts);
      return new Mail(message.getSubject(), parts.get(0), parts.get(1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(Object content, String type, List<String> parts) throws Exception {
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        collect(part.getContent(), part.getContentType(), parts);
      }
    } else if (content instanceof String text) {
      parts.set(type.toLowerCase().startsWith("text/html") ? 1 : 0, text);
    }
  }

  private static List<Mail> awaitMails(String address, int count) {
    await().atMost(Duration.ofSeconds(40)).until(() -> mailsTo(address).size() >= count);
    return mailsTo(address);
  }

  @Test
  void everyMailOfAnOrdersLifeArrivesOnceWithItsContent() {
    Shopper ada = shopper();
    String sku = someSku(0);
    String orderId = order(ada, sku, 2, "pm_card_visa");
    awaitStatus(ada.client(), orderId, "PAID");
    move(orderId, "PICKING");
    move(orderId, "PACKED");
    move(orderId, "OUT_FOR_DELIVERY");
    move(orderId, "DELIVERED");

    List<Mail> mails = awaitMails(ada.email(), 3);
    // nothing more comes for picking and packing in full, nor twice
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertThat(mailsTo(ada.email())).hasSize(3);
    Mail confirmed = mails.get(0);
    String name = catalog.product(sku).orElseThrow().name();
    assertThat(confirmed.subject()).startsWith("Your order is confirmed");
    assertThat(confirmed.text())
        .contains("2 x " + name)
        .contains("Total:")
        .contains("Test Grocer")
        .contains("/orders/" + orderId);
    assertThat(confirmed.html()).contains("Test Grocer").contains("/orders/" + orderId);
    assertThat(mails.get(1).subject()).isEqualTo("Your order is on its way");
    assertThat(mails.get(2).subject()).isEqualTo("Your order was delivered");

    Shopper bob = shopper();
    String cancelledId = order(bob, someSku(1), 1, "pm_card_visa");
    awaitStatus(bob.client(), cancelledId, "PAID");
    bob.client().post("/api/v1/orders/" + cancelledId + "/cancel", null);
    List<Mail> bobs = awaitMails(bob.email(), 3);
    assertThat(bobs).hasSize(3);
    assertThat(bobs.get(0).subject()).startsWith("Your order is confirmed");
    assertThat(bobs.get(1).subject()).isEqualTo("Your order was cancelled");
    assertThat(bobs.get(2).subject()).startsWith("Refund of ");
    assertThat(bobs.get(2).text()).contains("we have refunded");

    Shopper cleo = shopper();
    order(cleo, someSku(2), 1, "pm_card_chargeDeclined");
    Mail failed = awaitMails(cleo.email(), 1).get(0);
    assertThat(failed.subject()).isEqualTo("Your payment didn't go through");
    assertThat(failed.text()).contains("Your card was declined");
  }

  @Test
  void anOrderPackedShortTellsTheShopperWhatWasMissingAndWhatComesBack() {
    Shopper erin = shopper();
    String sku = someSku(4);
    String path = "/api/v1/stores/" + STORE + "/orders/";
    erin.client().put("/api/v1/cart/store", Map.of("storeId", STORE));
    erin.client()
        .put(
            "/api/v1/cart/items/" + sku,
            Map.of("quantity", 2, "substitution", Map.of("preference", "REFUND")));
    Response placed = erin.client().post("/api/v1/checkout", null);
    String orderId = placed.body().get("id").asString();
    STAND_IN.confirm(placed.body().get("payment").get("intentId").asString(), "pm_card_visa");
    awaitStatus(erin.client(), orderId, "PAID");
    staff.post(path + orderId + "/picking", null);
    assertThat(staff.post(path + orderId + "/lines/L1/short", Map.of("found", 1)).status())
        .isEqualTo(200);
    assertThat(staff.post(path + orderId + "/packed", null).status()).isEqualTo(200);

    List<Mail> mails = awaitMails(erin.email(), 3);
    String name = catalog.product(sku).orElseThrow().name();
    long unit = catalog.product(sku).orElseThrow().price().amountMinor();
    Mail packed =
        mails.stream()
            .filter(mail -> mail.subject().equals("Some of your order wasn't there"))
            .findFirst()
            .orElseThrow();
    assertThat(packed.text())
        .contains(name + ": 1 of 2 found; the rest refunded")
        .contains("We refund you " + Money.format(Money.of(unit, "EUR")));
    assertThat(packed.html()).contains(name + ": 1 of 2 found; the rest refunded");
    assertThat(mails)
        .extracting(Mail::subject)
        .anyMatch(subject -> subject.startsWith("Refund of "));
  }

  @Test
  void mailWaitsWhileTheSmtpServerIsDownAndARedeliveredEventSendsNothingTwice() throws Exception {
    Shopper dora = shopper();
    SMTP.stop();
    String orderId;
    try {
      orderId = order(dora, someSku(3), 1, "pm_card_visa");
      awaitStatus(dora.client(), orderId, "PAID"); // a dead SMTP server slows no payment
      move(orderId, "PICKING");
      move(orderId, "PACKED");
      move(orderId, "OUT_FOR_DELIVERY");
    } finally {
      SMTP.start();
    }

    List<Mail> mails = awaitMails(dora.email(), 2);
    assertThat(mails).hasSize(2);
    assertThat(mails.get(0).subject()).startsWith("Your order is confirmed");
    assertThat(mails.get(1).subject()).isEqualTo("Your order is on its way");

    OrderEvent paid =
        maps.orders().get(orderId).events().stream()
            .filter(event -> event.type() == OrderEventType.PAID)
            .findFirst()
            .orElseThrow();
    emailHandler.handle(paid);
    assertThat(mailsTo(dora.email())).hasSize(2);
  }

  @Test
  void markupInAProductNameIsEscapedAndAProductRunningLowAlertsTheStoresStaff() {
    String sku = "MRK-00001";
    String name = "<script>alert(\"x\")</script> Fudge & Co";
    catalog.putProducts(
        List.of(new Product(sku, name, "Brand", "Sweets", "", Money.of(250, "EUR"), Map.of())));
    inventory.stockUp(Map.of(new StockKey(STORE, sku), 6));
    int alertsBefore = mailsTo(STAFF).size();
    Shopper eve = shopper();

    String orderId = order(eve, sku, 2, "pm_card_visa");

    Mail confirmed = awaitMails(eve.email(), 1).get(0);
    assertThat(confirmed.html())
        .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Fudge &amp; Co")
        .doesNotContain("<script>");
    assertThat(confirmed.text()).contains(name);
    List<Mail> alerts = awaitMails(STAFF, alertsBefore + 1);
    Mail alert = alerts.get(alerts.size() - 1);
    assertThat(alert.subject()).contains("Low stock").contains("(4 left)");
    assertThat(alert.html()).doesNotContain("<script>");
    assertThat(orderId).isNotBlank();
  }
}
