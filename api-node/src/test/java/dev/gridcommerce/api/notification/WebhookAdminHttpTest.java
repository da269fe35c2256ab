package dev.gridcommerce.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** ADMIN manages webhook subscriptions; the secret is shown once; unsafe URLs are refused. */
@EmbeddedGridTest
@TestPropertySource(properties = "commerce.notifications.webhooks.allow-loopback=true")
class WebhookAdminHttpTest {

  @LocalServerPort int port;

  private ApiClient admin;
  private ApiClient shopper;

  @BeforeEach
  void signIn() {
    ApiClient anonymous = new ApiClient(port);
    admin = anonymous.login("admin@commerce.local", "admin-demo-password");
    shopper = anonymous.newShopper("integrator-" + System.nanoTime() + "@example.com");
  }

  private Response subscribe(String url, List<String> types) {
    return admin.post("/api/v1/admin/webhooks", Map.of("url", url, "eventTypes", types));
  }

  @Test
  void aSubscriptionShowsItsSecretOnceIsListedWithoutItAndCanBeRemoved() {
    Response made = subscribe("http://127.0.0.1:9/hook", List.of("PAID", "DELIVERED"));

    assertThat(made.status()).as(made.text()).isEqualTo(201);
    String id = made.body().get("id").asString();
    assertThat(made.body().get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(40);
    assertThat(made.header("Location")).endsWith("/api/v1/admin/webhooks/" + id);
    Response listed = admin.get("/api/v1/admin/webhooks");
    assertThat(listed.text()).contains(id).doesNotContain(made.body().get("secret").asString());
    Response one = admin.get("/api/v1/admin/webhooks/" + id);
    assertThat(one.body().get("eventTypes").toString()).contains("PAID").contains("DELIVERED");
    assertThat(one.body().get("secret").isNull()).isTrue();

    assertThat(admin.delete("/api/v1/admin/webhooks/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/admin/webhooks/" + id).status()).isEqualTo(404);
    assertThat(admin.delete("/api/v1/admin/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void unsafeUrlsUnknownEventTypesAndNonAdminsAreRefused() {
    for (String url :
        List.of("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "ftp://x/")) {
      Response refused = subscribe(url, List.of("PAID"));
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
    }
    Response unknown = subscribe("http://127.0.0.1:9/hook", List.of("PAID", "SHIPPED"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text()).contains("SHIPPED");
    assertThat(subscribe("http://127.0.0.1:9/hook", List.of()).status()).isEqualTo(400);
    assertThat(
            shopper
                .post(
                    "/api/v1/admin/webhooks",
                    Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("PAID")))
                .status())
        .isEqualTo(403);
    assertThat(admin.get("/api/v1/admin/webhooks").text()).doesNotContain("169.254");
  }
}
