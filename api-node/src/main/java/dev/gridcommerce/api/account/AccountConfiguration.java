package dev.gridcommerce.api.account;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.account.Accounts;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The account capability: sign-up, sign-in and the tokens that say who calls. */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

  @Bean
  Accounts accounts(HazelcastInstance grid) {
    return new Accounts(grid);
  }

  @Bean
  TokenService tokenService(SecuritySettings settings, Clock clock) {
    return new TokenService(settings, clock);
  }

  /** BCrypt by default, with the algorithm prefixed to each hash so it can be changed later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AccountService accountService(
      Accounts accounts, PasswordEncoder passwords, TokenService tokens, Clock clock) {
    return new AccountService(accounts, passwords, tokens, clock);
  }
}
