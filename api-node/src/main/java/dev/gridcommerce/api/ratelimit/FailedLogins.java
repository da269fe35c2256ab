package dev.gridcommerce.api.ratelimit;

import dev.gridcommerce.api.account.LoginAttempts;
import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.grid.ratelimit.RateLimitUnavailable;
import dev.gridcommerce.grid.ratelimit.RateLimits;
import dev.gridcommerce.grid.ratelimit.RateLimits.Policy;
import dev.gridcommerce.grid.ratelimit.RateLimits.Verdict;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins per account on the grid's rate limits: an account with none of its allowance left
 * waits, whichever API node or address the next try comes from; only failures count. A grid that
 * doesn't answer in time makes the login wait a second (fails closed).
 */
final class FailedLogins implements LoginAttempts {

  private final RateLimits limits;
  private final Policy policy;
  private final Duration gridWait;

  FailedLogins(RateLimits limits, Policy policy, Duration gridWait) {
    this.limits = limits;
    this.policy = policy;
    this.gridWait = gridWait;
  }

  @Override
  public Optional<Duration> mustWait(String email) {
    try {
      Verdict verdict = limits.peek(policy, Account.normalizeEmail(email), gridWait);
      return verdict.allowed() ? Optional.empty() : Optional.of(verdict.retryAfter());
    } catch (RateLimitUnavailable slow) {
      return Optional.of(Duration.ofSeconds(1));
    }
  }

  @Override
  public void failed(String email) {
    try {
      limits.take(policy, Account.normalizeEmail(email), gridWait);
    } catch (RateLimitUnavailable slow) {
      // not counted: the next try checks again
    }
  }
}
