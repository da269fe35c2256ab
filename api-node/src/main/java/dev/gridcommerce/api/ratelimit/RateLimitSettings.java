package dev.gridcommerce.api.ratelimit;

import dev.gridcommerce.grid.ratelimit.RateLimits.Policy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits ({@code commerce.rate-limits.*}), each {@code capacity} requests per {@code
 * window}, shared by every API node: {@code anonymous} per client address for sign-up and login,
 * {@code failedLogins} per account, {@code shopperWrites} per shopper for changes of carts,
 * checkouts, orders and reviews, {@code webhook} per source address for the payment webhook. {@code
 * gridWait} is how long a request waits for the grid's answer: past it, login and sign-up are
 * refused (429, try again in a second) and everything else goes through.
 */
@ConfigurationProperties("commerce.rate-limits")
public record RateLimitSettings(
    Boolean enabled,
    Limit anonymous,
    Limit failedLogins,
    Limit shopperWrites,
    Limit webhook,
    Duration gridWait) {

  /** A limit's terms; either left out takes the default. */
  public record Limit(Long capacity, Duration window) {

    Limit orElse(long defaultCapacity, Duration defaultWindow) {
      return new Limit(
          capacity == null ? defaultCapacity : capacity, window == null ? defaultWindow : window);
    }
  }

  public RateLimitSettings {
    enabled = enabled == null || enabled;
    anonymous = given(anonymous).orElse(30, Duration.ofMinutes(1));
    failedLogins = given(failedLogins).orElse(5, Duration.ofMinutes(15));
    shopperWrites = given(shopperWrites).orElse(120, Duration.ofMinutes(1));
    webhook = given(webhook).orElse(600, Duration.ofMinutes(1));
    gridWait = gridWait == null ? Duration.ofMillis(250) : gridWait;
    // a policy refuses a capacity below 1 or a window that isn't positive: at start, not later
    policy("anonymous", anonymous);
    policy("failed-logins", failedLogins);
    policy("shopper-writes", shopperWrites);
    policy("webhook", webhook);
  }

  private static Limit given(Limit limit) {
    return limit == null ? new Limit(null, null) : limit;
  }

  static Policy policy(String name, Limit limit) {
    return new Policy(name, limit.capacity(), limit.window());
  }
}
