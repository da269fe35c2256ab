package dev.gridcommerce.api.ratelimit;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.grid.ratelimit.RateLimits.Policy;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which limit a request counts against, and whose allowance it takes. */
final class RateLimitRules {

  /** A request's limit: the policy, the client it is counted for, and whether it fails closed. */
  record Rule(Policy policy, String client, boolean failsClosed) {}

  private static final Pattern SHOPPER_WRITES =
      Pattern.compile(
          "/api/v1/(cart(/.*)?|checkout|orders/[^/]+/cancel|products/[^/]+/reviews(/.*)?)");

  private final Policy anonymous;
  private final Policy shopperWrites;
  private final Policy webhook;

  RateLimitRules(RateLimitSettings settings) {
    this.anonymous = RateLimitSettings.policy("anonymous", settings.anonymous());
    this.shopperWrites = RateLimitSettings.policy("shopper-writes", settings.shopperWrites());
    this.webhook = RateLimitSettings.policy("webhook", settings.webhook());
  }

  /**
   * Sign-up and login count per client address (and fail closed: a login the limit can't be checked
   * for is refused); the payment webhook per source address; a shopper's changes per shopper. Reads
   * count against nothing.
   */
  Optional<Rule> ruleFor(String method, String path, String address, Caller caller) {
    if ("POST".equals(method)
        && (path.equals("/api/v1/auth/login") || path.equals("/api/v1/auth/register"))) {
      return Optional.of(new Rule(anonymous, address, true));
    }
    if ("POST".equals(method) && path.equals("/api/v1/payments/stripe/webhook")) {
      return Optional.of(new Rule(webhook, address, false));
    }
    boolean write = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    if (write && caller != null && SHOPPER_WRITES.matcher(path).matches()) {
      return Optional.of(new Rule(shopperWrites, caller.userId(), false));
    }
    return Optional.empty();
  }
}
