package dev.gridcommerce.api.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.account.LoginAttempts;
import dev.gridcommerce.api.account.ProblemResponses;
import dev.gridcommerce.api.account.SecurityFilters;
import dev.gridcommerce.grid.ratelimit.RateLimits;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Rate limits on the API node, kept on the grid so that every node counts the same requests. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
public class RateLimitConfiguration {

  @Bean
  RateLimits rateLimits(HazelcastInstance grid) {
    return new RateLimits(grid);
  }

  /** The filter the security chain puts right after authentication. */
  @Bean(SecurityFilters.RATE_LIMITS)
  OncePerRequestFilter rateLimitFilter(
      RateLimits limits, RateLimitSettings settings, ProblemResponses problems) {
    return settings.enabled()
        ? new RateLimitFilter(
            limits::take, new RateLimitRules(settings), settings.gridWait(), problems)
        : new PassThrough();
  }

  /** Not also a filter of the servlet container: it runs inside the security chain only. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> rateLimitFilterOutsideSecurity(
      @Qualifier(SecurityFilters.RATE_LIMITS) OncePerRequestFilter filter) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  LoginAttempts loginAttempts(RateLimits limits, RateLimitSettings settings) {
    return settings.enabled()
        ? new FailedLogins(
            limits,
            RateLimitSettings.policy("failed-logins", settings.failedLogins()),
            settings.gridWait())
        : LoginAttempts.UNLIMITED;
  }

  /** With the limits off. */
  private static final class PassThrough extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        jakarta.servlet.http.HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, java.io.IOException {
      chain.doFilter(request, response);
    }
  }
}
