package dev.gridcommerce.api.account;

import dev.gridcommerce.api.storefront.StorefrontPages;
import dev.gridcommerce.domain.account.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security: the catalog, sign-up, login, health, API docs and Stripe's
 * webhook (signed by Stripe) are public; carts, checkout and orders need the SHOPPER role; a
 * store's stock and orders need STAFF of that store or ADMIN ({@link StoreAccess}), decided before
 * the request body is read; an order's live events need a signed-in caller (its shopper, or staff
 * of its store); everything else needs a signed-in caller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * Spring Security observes every filter of the chain and every authorization by default: about a
   * sixth of the web threads' CPU under a checkout load, for timers nobody reads. The request's own
   * {@code http.server.requests} timer stays.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  ProblemResponses problemResponses(JsonMapper json) {
    return new ProblemResponses(json);
  }

  /** Requests the firewall refuses (an encoded slash, a NUL ...) get a problem document too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
    return (request, response, rejected) -> problems.rejected(response, rejected.getMessage());
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      TokenService tokens,
      ProblemResponses problems,
      @Qualifier(SecurityFilters.RATE_LIMITS) OncePerRequestFilter rateLimits)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(
            new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
        .addFilterAfter(rateLimits, AnonymousAuthenticationFilter.class)
        .exceptionHandling(errors ->
            errors
                .authenticationEntryPoint(problems.entryPoint())
                .accessDeniedHandler(problems.accessDenied()))
        .authorizeHttpRequests(requests ->
            requests
                // the end of an event stream, and error pages: the request was authorized
                // already
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login")
                .permitAll()
                // the web front end: its pages and files (what they call is checked as usual)
                .requestMatchers(HttpMethod.GET, StorefrontPages.ROUTES)
                .permitAll()
                .requestMatchers(HttpMethod.GET, StorefrontPages.FILES)
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/payments/setup")
                .permitAll()
                // Stripe signs its events instead of logging in (checked by the controller)
                .requestMatchers(HttpMethod.POST, "/api/v1/payments/stripe/webhook")
                .permitAll()
                .requestMatchers(
                    HttpMethod.GET,
                    "/api/v1/stores",
                    "/api/v1/stores/nearest",
                    "/api/v1/products",
                    "/api/v1/products/**")
                .permitAll()
                // the catalog is changed by ADMIN, reviewed by shoppers
                .requestMatchers(HttpMethod.PUT, "/api/v1/products/{sku}")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.DELETE, "/api/v1/products/{sku}")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/products/{sku}/reviews/**")
                .hasRole("SHOPPER")
                .requestMatchers(
                    "/actuator/health/**",
                    "/actuator/health",
                    "/actuator/info",
                    "/actuator/prometheus")
                .permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .permitAll()
                .requestMatchers(
                    "/api/v1/stores/{storeId}/stock",
                    "/api/v1/stores/{storeId}/stock/**",
                    "/api/v1/stores/{storeId}/orders",
                    "/api/v1/stores/{storeId}/orders/**",
                    "/api/v1/stores/{storeId}/shift")
                .access(new StoreAccess())
                .requestMatchers(
                    "/api/v1/stores/{storeId}/dispatch", "/api/v1/stores/{storeId}/dispatch/**")
                .access(new StoreAccess(Role.STAFF, Role.RIDER))
                .requestMatchers(HttpMethod.GET, "/api/v1/orders/{orderId}/events")
                .authenticated()
                .requestMatchers(
                    "/api/v1/cart/**",
                    "/api/v1/cart",
                    "/api/v1/checkout",
                    "/api/v1/orders/**",
                    "/api/v1/orders")
                .hasRole("SHOPPER")
                .requestMatchers("/api/v1/admin/**")
                .hasRole("ADMIN")
                .anyRequest()
                .authenticated())
        .build();
  }
}
