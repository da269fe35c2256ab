package dev.gridcommerce.api.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An expected failure of a request, answered as an RFC 9457 problem: {@code type} is a stable URN
 * naming the kind of problem ({@code urn:commerce:problem:<slug>}), so clients can branch on it;
 * extra properties carry the details a client can act on.
 */
public class ApiProblem extends ErrorResponseException {

  public ApiProblem(HttpStatus status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public ApiProblem(
      HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
    super(status, problem(status, slug, title, detail, properties), null);
  }

  public static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return problem;
  }

  public static URI type(String slug) {
    return URI.create("urn:commerce:problem:" + slug);
  }

  /**
   * A 429: {@code why}, and when to try again, in the detail, the {@code retryAfterSeconds}
   * property and the {@code Retry-After} header (whole seconds, at least 1).
   */
  public static ApiProblem tooManyRequests(
      String slug, String title, String why, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.TOO_MANY_REQUESTS,
            slug,
            title,
            why + "; try again in " + seconds + " s",
            Map.of("retryAfterSeconds", seconds));
    problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return problem;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
  }

  public static ApiProblem invalid(String field, String message) {
    return invalid(java.util.List.of(new FieldError(field, message)));
  }

  /** A 400 naming every invalid field. */
  public static ApiProblem invalid(java.util.List<FieldError> errors) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "Invalid request",
        detail(errors),
        Map.of("errors", errors));
  }

  /** The errors in one sentence: {@code name: must not be blank; price: must be positive}. */
  public static String detail(java.util.List<FieldError> errors) {
    return String.join(
        "; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList());
  }

  /** One invalid input field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
