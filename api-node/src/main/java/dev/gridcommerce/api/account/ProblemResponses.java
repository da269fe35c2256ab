package dev.gridcommerce.api.account;

import dev.gridcommerce.api.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes answers made before any controller (the security layer's 400, 401 and 403, the rate
 * limits' 429) as problem documents.
 */
public final class ProblemResponses {

  private final JsonMapper json;

  public ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint entryPoint() {
    return (request, response, e) ->
        unauthorized(response, "this endpoint needs a valid access token: log in first");
  }

  AccessDeniedHandler accessDenied() {
    return (request, response, e) ->
        write(
            response,
            ApiProblem.problem(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "your account may not do this (staff act only for the stores they work at)",
                Map.of()));
  }

  void unauthorized(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(
        response,
        ApiProblem.problem(
            HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, Map.of()));
  }

  void rejected(HttpServletResponse response, String reason) throws IOException {
    write(
        response,
        ApiProblem.problem(
            HttpStatus.BAD_REQUEST,
            "malformed-request",
            "Malformed request",
            "the request's address can't be served: " + reason,
            Map.of()));
  }

  /** Writes {@code problem} as the whole answer, with its headers. */
  public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
    problem
        .getHeaders()
        .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    write(response, problem.getBody());
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
