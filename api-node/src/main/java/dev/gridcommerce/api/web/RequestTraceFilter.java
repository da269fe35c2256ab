package dev.gridcommerce.api.web;

import dev.gridcommerce.grid.support.Tracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id: the caller's, from a W3C {@code traceparent} header, or a new
 * one. It is in the logging context ({@code traceId}) while the request runs, so every line this
 * node logs for it names it, and the grid steps the request sends carry it to the members ({@link
 * Tracing}); the answer names it in {@code traceresponse} (W3C Trace Context level 2). At DEBUG on
 * the logger {@value Tracing#LOGGER}, each request logs one line: method, path, status (or that it
 * streams: an order's live events), time.
 */
final class RequestTraceFilter extends OncePerRequestFilter {

  /** {@code version-traceid-parentid-flags}, lower-case hex, as the recommendation has it. */
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

  private static final String INVALID_TRACE = "0".repeat(32);
  private static final String INVALID_PARENT = "0".repeat(16);
  private static final Logger log = LoggerFactory.getLogger(Tracing.LOGGER);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String traceId = traceIdOf(request.getHeader("traceparent"));
    response.setHeader("traceresponse", "00-" + traceId + "-" + randomHex(8) + "-01");
    MDC.put(Tracing.TRACE_ID, traceId);
    long started = System.nanoTime();
    String answer = null;
    try {
      chain.doFilter(request, response);
      answer =
          request.isAsyncStarted()
              ? "streams (" + response.getStatus() + ")"
              : Integer.toString(response.getStatus());
    } finally {
      log.debug(
          "{} {} answered {} in {} ms",
          request.getMethod(),
          request.getRequestURI(),
          answer == null ? "500 (failed)" : answer, // the container answers a failure later
          (System.nanoTime() - started) / 1_000_000);
      MDC.remove(Tracing.TRACE_ID);
    }
  }

  /** The trace id a {@code traceparent} header carries, or a new one when it carries none. */
  static String traceIdOf(String traceparent) {
    if (traceparent != null) {
      var parsed = TRACEPARENT.matcher(traceparent.strip());
      if (parsed.matches()
          && !parsed.group(1).equals(INVALID_TRACE)
          && !parsed.group(2).equals(INVALID_PARENT)) {
        return parsed.group(1);
      }
    }
    return randomHex(16);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
