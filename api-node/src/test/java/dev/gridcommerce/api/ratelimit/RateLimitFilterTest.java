package dev.gridcommerce.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.account.ProblemResponses;
import dev.gridcommerce.grid.ratelimit.RateLimitUnavailable;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** What the filter does when the grid doesn't answer in time: login fails closed, the rest open. */
class RateLimitFilterTest {

  private static final RateLimitSettings DEFAULTS =
      new RateLimitSettings(null, null, null, null, null, null);

  private final RateLimitFilter slowGrid =
      new RateLimitFilter(
          (policy, client, wait) -> {
            throw new RateLimitUnavailable(new TimeoutException("250 ms passed"));
          },
          new RateLimitRules(DEFAULTS),
          Duration.ofMillis(250),
          new ProblemResponses(JsonMapper.builder().build()));

  private static MockHttpServletRequest post(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr("203.0.113.7");
    return request;
  }

  @Test
  void aLoginTheLimitCantBeCheckedForIsRefusedWith429NeverA5xx() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    slowGrid.doFilter(post("/api/v1/auth/login"), response, chain);

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    assertThat(response.getContentAsString()).contains("urn:commerce:problem:rate-limited");
    assertThat(chain.getRequest()).as("the login was not tried").isNull();
  }

  @Test
  void theWebhookGoesThroughWhenTheLimitCantBeChecked() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    slowGrid.doFilter(post("/api/v1/payments/stripe/webhook"), response, chain);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void readsNeverAskTheGrid() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    slowGrid.doFilter(new MockHttpServletRequest("GET", "/api/v1/products"), response, chain);

    assertThat(chain.getRequest()).isNotNull();
    assertThat(response.getHeader("RateLimit")).isNull();
  }
}
