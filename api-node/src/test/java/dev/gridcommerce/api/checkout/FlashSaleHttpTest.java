package dev.gridcommerce.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.account.TokenService;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.account.Role;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.cart.Carts;
import dev.gridcommerce.grid.support.GridMaps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The flash sale through the HTTP API: 1,000 shoppers check out one product with 100 units at the
 * same moment. Exactly 100 orders, 900 clean 409s naming the short line, no 5xx.
 */
@EmbeddedGridTest
class FlashSaleHttpTest {

  private static final String STORE = "berlin-mitte";
  private static final String SKU = "FLASH-0001";
  private static final int UNITS = 100;
  private static final int SHOPPERS = 1_000;

  @LocalServerPort int port;
  @Autowired GridMaps maps;
  @Autowired Carts carts;
  @Autowired TokenService tokens;

  @Test
  void aThousandShoppersForAHundredUnitsMakeExactlyAHundredOrders() {
    maps.products()
        .put(
            SKU,
            new Product(
                SKU,
                "Limited Edition Chocolate",
                "Sweet Tooth",
                "Snacks",
                "",
                Money.of(999, "EUR"),
                Map.of()));
    maps.inventory().put(new StockKey(STORE, SKU), Stock.of(UNITS));
    List<String> bearerTokens = new ArrayList<>();
    for (int i = 0; i < SHOPPERS; i++) {
      String shopper = "flash-shopper-" + i;
      carts.chooseStore(shopper, STORE);
      carts.setQuantity(shopper, SKU, 1);
      Account account =
          new Account(
              shopper,
              shopper + "@example.com",
              "Flash " + i,
              "-",
              Set.of(Role.SHOPPER),
              Set.of(),
              Instant.now());
      bearerTokens.add(tokens.issue(account).value());
    }

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    List<CompletableFuture<HttpResponse<String>>> checkouts = new ArrayList<>();
    for (String token : bearerTokens) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checkout"))
              .timeout(Duration.ofMinutes(2))
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      checkouts.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    List<HttpResponse<String>> responses = checkouts.stream().map(CompletableFuture::join).toList();

    Map<Integer, Long> byStatus =
        responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertThat(byStatus)
        .containsOnlyKeys(201, 409)
        .containsEntry(201, (long) UNITS)
        .containsEntry(409, (long) (SHOPPERS - UNITS));
    assertThat(responses)
        .filteredOn(r -> r.statusCode() == 409)
        .allSatisfy(r -> {
          assertThat(r.headers().firstValue("Content-Type"))
              .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
          assertThat(r.body()).contains("\"shortLines\"").contains(SKU).contains("\"available\":0");
        });
    Stock stock = maps.inventory().get(new StockKey(STORE, SKU));
    assertThat(stock.reserved()).isEqualTo(UNITS);
    assertThat(stock.available()).isZero();
    long orders =
        maps.orders().values().stream()
            .map(Order::lines)
            .filter(lines -> lines.stream().anyMatch(line -> line.sku().equals(SKU)))
            .count();
    assertThat(orders).isEqualTo(UNITS);
  }
}
