package dev.gridcommerce.api.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web front end as the API node serves it: every page of the browser's router is the one HTML
 * file, never cached; the hashed files are cached for a year; all of it is public while the API
 * keeps its rules.
 */
@EmbeddedGridTest
class StorefrontHttpTest {

  private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

  @LocalServerPort int port;

  @Test
  void thePagesAreTheShopsHtmlSentAgainOnEveryVisit() {
    ApiClient anonymous = new ApiClient(port);
    for (String page :
        new String[] {
          "/",
          "/index.html",
          "/search?q=milk",
          "/products/DAI-00000",
          "/orders/abc",
          "/staff",
          "/staff/stock"
        }) {
      ApiClient.Response answer = anonymous.get(page);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertThat(answer.contentType()).as(page).startsWith("text/html");
      assertThat(answer.header("Cache-Control")).as(page).isEqualTo("no-cache");
      assertThat(answer.text()).as(page).contains("<div id=\"root\"></div>");
    }
  }

  @Test
  void hashedFilesAreCachedForAYearAndTheApiKeepsItsRules() {
    ApiClient anonymous = new ApiClient(port);
    Matcher script = SCRIPT.matcher(anonymous.get("/").text());
    assertThat(script.find()).as("the page names its script").isTrue();

    ApiClient.Response asset = anonymous.get(script.group(1));

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
    assertThat(asset.text()).isNotBlank();
    assertThat(anonymous.get("/assets/missing-0000.js").status()).isEqualTo(404);
    assertThat(anonymous.get("/favicon.svg").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/v1/cart").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/orders").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/stores/berlin-mitte/stock").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/v1/payments/setup").status()).isEqualTo(200);
    assertThat(anonymous.get("/somewhere-else").status())
        .as("not a page of the shop: the API's rules, not the shop's")
        .isEqualTo(401);
  }
}
