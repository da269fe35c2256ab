package dev.gridcommerce.api.ratelimit;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.account.ProblemResponses;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.grid.ratelimit.RateLimitUnavailable;
import dev.gridcommerce.grid.ratelimit.RateLimits;
import dev.gridcommerce.grid.ratelimit.RateLimits.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each limited request against its limit on the grid ({@link RateLimitRules}) and answers
 * 429 with {@code Retry-After} past it; every limited answer carries {@code RateLimit-Policy} and
 * {@code RateLimit} as the IETF httpapi draft "RateLimit header fields for HTTP" defines them
 * ({@code "anonymous";q=30;w=60} and {@code "anonymous";r=29;t=2}). When the grid doesn't answer in
 * time, a login or sign-up is refused (429, retry in a second) and anything else goes through:
 * never a 5xx for a slow grid.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  /** Takes one request of a client's allowance under a policy: the grid's rate limits. */
  @FunctionalInterface
  interface Limiter {
    Verdict take(RateLimits.Policy policy, String client, Duration wait)
        throws RateLimitUnavailable;
  }

  private final Limiter limits;
  private final RateLimitRules rules;
  private final Duration gridWait;
  private final ProblemResponses problems;

  RateLimitFilter(
      Limiter limits, RateLimitRules rules, Duration gridWait, ProblemResponses problems) {
    this.problems = problems;
    this.limits = limits;
    this.rules = rules;
    this.gridWait = gridWait;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<RateLimitRules.Rule> rule =
        rules.ruleFor(
            request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), caller());
    if (rule.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Verdict verdict;
    try {
      verdict = limits.take(rule.get().policy(), rule.get().client(), gridWait);
    } catch (RateLimitUnavailable slow) {
      log.warn("rate limit {} unavailable: {}", rule.get().policy().name(), slow.getMessage());
      if (rule.get().failsClosed()) {
        refuse(request, response, Duration.ofSeconds(1), "the limit can't be checked right now");
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    headers(response, verdict);
    if (verdict.allowed()) {
      chain.doFilter(request, response);
    } else {
      refuse(request, response, verdict.retryAfter(), "too many requests");
    }
  }

  /** The limit's policy and what is left of it, as the draft's structured fields. */
  static void headers(HttpServletResponse response, Verdict verdict) {
    RateLimits.Policy policy = verdict.policy();
    response.setHeader(
        "RateLimit-Policy",
        "\"%s\";q=%d;w=%d"
            .formatted(policy.name(), policy.capacity(), policy.window().toSeconds()));
    response.setHeader(
        "RateLimit",
        "\"%s\";r=%d;t=%d".formatted(policy.name(), verdict.remaining(), verdict.resetSeconds()));
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String why)
      throws IOException {
    ApiProblem problem =
        ApiProblem.tooManyRequests("rate-limited", "Too many requests", why, retryAfter);
    problem.getBody().setInstance(URI.create(request.getRequestURI()));
    problems.write(response, problem);
  }

  private static Caller caller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Caller caller
        ? caller
        : null;
  }
}
