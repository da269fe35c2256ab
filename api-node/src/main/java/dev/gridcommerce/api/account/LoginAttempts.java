package dev.gridcommerce.api.account;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins per account, against password guessing: how long an account must wait before it may
 * try again (empty: it may now), and a failure to count. Kept by the rate limits.
 */
public interface LoginAttempts {

  Optional<Duration> mustWait(String email);

  void failed(String email);

  /** No limit (rate limits switched off). */
  LoginAttempts UNLIMITED =
      new LoginAttempts() {
        @Override
        public Optional<Duration> mustWait(String email) {
          return Optional.empty();
        }

        @Override
        public void failed(String email) {}
      };
}
