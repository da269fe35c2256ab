package dev.gridcommerce.api.web;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.gridcommerce.api.web.ApiProblem.FieldError;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into an {@code application/problem+json} answer: field errors for invalid
 * input, 503 with {@code Retry-After} when the grid can't serve, and a bare 500 (logged here, never
 * with a stack trace in the answer) for anything unexpected.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .toList();
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(result ->
                result.getResolvableErrors().stream()
                    .map(error ->
                        new FieldError(
                            result.getMethodParameter().getParameterName(),
                            error.getDefaultMessage())))
            .toList();
    return invalid(errors);
  }

  /**
   * A body that isn't the JSON the endpoint expects. A value of the wrong type is named with its
   * field ({@code quantity: must be a whole number}); numbers and strings are never coerced, so
   * {@code 1.5} or {@code "1"} for a whole number is refused rather than taken as 1.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    MismatchedInputException mismatch = causeOf(e, MismatchedInputException.class);
    String field = mismatch == null ? "" : path(mismatch);
    if (!field.isEmpty() && mismatch.getTargetType() != null) {
      return invalid(List.of(new FieldError(field, expected(mismatch.getTargetType()))));
    }
    return ResponseEntity.badRequest()
        .body(
            ApiProblem.problem(
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "Malformed request body",
                "the body is not the JSON this endpoint expects",
                Map.of()));
  }

  @ExceptionHandler(SplitBrainProtectionException.class)
  ResponseEntity<ProblemDetail> minorityPartition(SplitBrainProtectionException e) {
    return unavailable(
        "split-brain-protection",
        "this part of the grid has lost touch with the majority of its members, so it refuses"
            + " changes that could sell the same units twice");
  }

  @ExceptionHandler(IndeterminateOperationStateException.class)
  ResponseEntity<ProblemDetail> unconfirmedChange(IndeterminateOperationStateException e) {
    log.warn("change not confirmed by its backup: {}", e.toString());
    return unavailable(
        "change-unconfirmed",
        "a grid node was lost while this change was being made, so it may or may not have been"
            + " made; send the same request again (a checkout with the same Idempotency-Key)");
  }

  @ExceptionHandler({HazelcastInstanceNotActiveException.class, OperationTimeoutException.class})
  ResponseEntity<ProblemDetail> gridUnavailable(RuntimeException e) {
    log.warn("grid unavailable: {}", e.toString());
    return unavailable("grid-unavailable", "the data grid is not reachable right now");
  }

  /**
   * Anything else is a fault of ours, a broken invariant included (input is validated before it
   * reaches the domain, so a domain refusal here is a bug, not the client's mistake): logged with
   * its stack trace, answered 500 with none.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return ResponseEntity.internalServerError()
        .body(
            ApiProblem.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "something went wrong on our side; it has been logged",
                Map.of()));
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The JSON path of the value, as {@code deliverTo.lat} or {@code lines[2].quantity}. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "must be one of "
          + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
    }
    if (WHOLE_NUMBERS.contains(type)) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    return type == String.class ? "must be text" : "has the wrong type";
  }

  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(
          Integer.class,
          int.class,
          Long.class,
          long.class,
          Short.class,
          short.class,
          Byte.class,
          byte.class,
          BigInteger.class);

  private static ResponseEntity<Object> invalid(List<FieldError> errors) {
    return ResponseEntity.badRequest()
        .body(
            ApiProblem.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                ApiProblem.detail(errors),
                Map.of("errors", errors)));
  }

  private static ResponseEntity<ProblemDetail> unavailable(String slug, String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            ApiProblem.problem(
                HttpStatus.SERVICE_UNAVAILABLE, slug, "Service unavailable", detail, Map.of()));
  }
}
