package dev.gridcommerce.api.account;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security: the catalog, sign-up, login, health and API docs are public;
 * carts, checkout and orders need the SHOPPER role; a store's stock and orders need STAFF (of that
 * store, checked by the controllers) or ADMIN; everything else needs a signed-in caller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
  SecurityFilterChain api(HttpSecurity http, TokenService tokens, JsonMapper json)
      throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    return http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(
            new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
        .exceptionHandling(errors ->
            errors
                .authenticationEntryPoint(problems.entryPoint())
                .accessDeniedHandler(problems.accessDenied()))
        .authorizeHttpRequests(requests ->
            requests
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login")
                .permitAll()
                .requestMatchers(
                    HttpMethod.GET, "/api/v1/stores", "/api/v1/products", "/api/v1/products/**")
                .permitAll()
                .requestMatchers(
                    "/actuator/health/**",
                    "/actuator/health",
                    "/actuator/info",
                    "/actuator/prometheus")
                .permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .permitAll()
                .requestMatchers(
                    "/api/v1/cart/**",
                    "/api/v1/cart",
                    "/api/v1/checkout",
                    "/api/v1/orders/**",
                    "/api/v1/orders")
                .hasRole("SHOPPER")
                .anyRequest()
                .authenticated())
        .build();
  }
}
