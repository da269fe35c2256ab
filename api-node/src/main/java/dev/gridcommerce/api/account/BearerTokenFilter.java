package dev.gridcommerce.api.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <JWT>} and, when the token is valid, makes its {@link Caller}
 * the request's principal with one {@code ROLE_*} authority per role. A request with an invalid
 * token is answered 401 at once, even on public endpoints, so a client learns its token has expired
 * instead of silently being served as anonymous.
 *
 * <p>A browser's {@code EventSource} can't send headers, so an order's event stream ({@code GET
 * /api/v1/orders/{id}/events}) also takes the token as the query parameter {@code access_token}
 * (RFC 6750, section 2.3); no other endpoint does.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";
  private static final String QUERY_PARAMETER = "access_token";
  private static final Pattern EVENT_STREAM = Pattern.compile("/api/v1/orders/[^/]+/events");

  private final TokenService tokens;
  private final ProblemResponses problems;

  BearerTokenFilter(TokenService tokens, ProblemResponses problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = token(request);
    if (token == null) {
      chain.doFilter(request, response);
      return;
    }
    var caller = tokens.verify(token);
    if (caller.isEmpty()) {
      problems.unauthorized(response, "the access token is invalid or has expired; log in again");
      return;
    }
    List<SimpleGrantedAuthority> authorities =
        caller.get().roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, authorities));
    chain.doFilter(request, response);
  }

  private static String token(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return header.substring(PREFIX.length()).strip();
    }
    boolean eventStream =
        "GET".equals(request.getMethod())
            && EVENT_STREAM.matcher(request.getRequestURI()).matches();
    if (!eventStream) {
      return null; // and no body is read for a parameter: a webhook's raw body stays as it came
    }
    String parameter = request.getParameter(QUERY_PARAMETER);
    return parameter != null && !parameter.isBlank() ? parameter.strip() : null;
  }
}
