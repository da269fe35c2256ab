package dev.gridcommerce.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.SecondApiNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Rate limits over HTTP on two API nodes sharing one grid: a limit counts the requests of both,
 * past it a 429 problem with Retry-After, every limited answer with the IETF draft's RateLimit and
 * RateLimit-Policy fields; failed logins per account, whatever the address; a shopper's writes per
 * shopper; reads never limited.
 */
@EmbeddedGridTest
@TestPropertySource(
    properties = {
      "commerce.rate-limits.enabled=true",
      "commerce.rate-limits.anonymous.capacity=1000",
      "commerce.rate-limits.failed-logins.capacity=3",
      "commerce.rate-limits.failed-logins.window=1h",
      "commerce.rate-limits.shopper-writes.capacity=4",
      "commerce.rate-limits.shopper-writes.window=1h"
    })
class RateLimitHttpTest {

  /**
   * Two more API nodes whose sign-up and login limit is 5 an hour per address (the test's own node
   * allows 1,000, so the other tests can sign shoppers up: a limit's terms are part of its buckets'
   * keys).
   */
  private static final String[] FIVE_AN_HOUR = {
    "--commerce.rate-limits.enabled=true",
    "--commerce.rate-limits.anonymous.capacity=5",
    "--commerce.rate-limits.anonymous.window=1h"
  };

  @LocalServerPort int port;
  @Autowired HazelcastInstance grid;

  private static Map<String, String> wrongLogin(String name) {
    return Map.of("email", name + "@example.com", "password", "wrong");
  }

  private static Response login(ApiClient node, String email, String password) {
    return node.post("/api/v1/auth/login", Map.of("email", email, "password", password));
  }

  /**
   * Behind the load balancer every request comes from its address: the client's is the one it puts
   * in X-Forwarded-For (trusted from loopback, where this test's requests come from, as from the
   * load balancer of bin/cluster), so two clients don't share a limit, and one client is limited on
   * its own.
   */
  @Test
  void behindTheLoadBalancerEachForwardedClientAddressHasItsOwnLimit() {
    try (SecondApiNode node = SecondApiNode.start(grid, FIVE_AN_HOUR)) {
      ApiClient api = new ApiClient(node.port());
      Map<String, String> first = Map.of("X-Forwarded-For", "203.0.113.10");
      Map<String, String> second = Map.of("X-Forwarded-For", "203.0.113.20");
      List<Integer> firstClient = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        firstClient.add(
            api.post("/api/v1/auth/login", wrongLogin("forwarded-" + i), first).status());
      }
      Response secondClient = api.post("/api/v1/auth/login", wrongLogin("forwarded"), second);

      assertThat(firstClient).containsExactly(401, 401, 401, 401, 401, 429);
      assertThat(secondClient.status()).isEqualTo(401);
      assertThat(secondClient.header("RateLimit")).isEqualTo("\"anonymous\";r=4;t=720");
    }
  }

  @Test
  void oneLimitCountsTheRequestsOfEveryApiNodeAndPastItAnswers429WithWhenToRetry() {
    try (SecondApiNode one = SecondApiNode.start(grid, FIVE_AN_HOUR);
        SecondApiNode two = SecondApiNode.start(grid, FIVE_AN_HOUR)) {
      ApiClient first = new ApiClient(one.port());
      ApiClient second = new ApiClient(two.port());
      List<Response> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(login(i % 2 == 0 ? first : second, "nobody-" + i + "@example.com", "wrong"));
      }

      Response refused = login(first, "nobody@example.com", "wrong");
      Response refusedToo = login(second, "nobody@example.com", "wrong");

      assertThat(answers).extracting(Response::status).containsOnly(401);
      assertThat(answers)
          .extracting(answer -> answer.header("RateLimit"))
          .containsExactly(
              "\"anonymous\";r=4;t=720",
              "\"anonymous\";r=3;t=1440",
              "\"anonymous\";r=2;t=2160",
              "\"anonymous\";r=1;t=2880",
              "\"anonymous\";r=0;t=3600");
      assertThat(answers.getFirst().header("RateLimit-Policy"))
          .isEqualTo("\"anonymous\";q=5;w=3600");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refusedToo.status()).as("the other node counts the same requests").isEqualTo(429);
      assertThat(refused.body().get("type").asString())
          .isEqualTo("urn:commerce:problem:rate-limited");
      assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(700L, 720L);
      assertThat(refused.header("RateLimit")).startsWith("\"anonymous\";r=0;t=");
      assertThat(first.get("/api/v1/products?q=milk").status())
          .as("reads are never limited")
          .isEqualTo(200);
    }
  }

  @Test
  void failedLoginsAreCountedPerAccountAndThenEvenTheRightPasswordWaits() {
    ApiClient anonymous = new ApiClient(port);
    String email = "guessed-" + System.nanoTime() + "@example.com";
    ApiClient shopper = anonymous.newShopper(email);
    assertThat(shopper.token()).isNotBlank();
    String right = "correct horse battery"; // ApiClient's password for new shoppers
    for (int i = 0; i < 3; i++) {
      assertThat(login(anonymous, email.toUpperCase(), "guess-" + i).status()).isIn(401, 429);
    }

    Response locked = login(anonymous, email, right);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body().get("type").asString())
        .isEqualTo("urn:commerce:problem:too-many-failed-logins");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
  }

  @Test
  void aShoppersWritesAreLimitedPerShopper() {
    ApiClient anonymous = new ApiClient(port);
    ApiClient ada = anonymous.newShopper("writes-ada-" + System.nanoTime() + "@example.com");
    ApiClient bob = anonymous.newShopper("writes-bob-" + System.nanoTime() + "@example.com");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      statuses.add(ada.put("/api/v1/cart/store", Map.of("storeId", "berlin-mitte")).status());
    }

    assertThat(statuses).containsExactly(200, 200, 200, 200, 429);
    assertThat(bob.put("/api/v1/cart/store", Map.of("storeId", "berlin-mitte")).status())
        .as("another shopper has an allowance of their own")
        .isEqualTo(200);
    assertThat(ada.get("/api/v1/cart").status()).as("reading the cart").isEqualTo(200);
  }
}
