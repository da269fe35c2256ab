package dev.gridcommerce.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.core.OperationTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Grid failures become 503 problems a client knows to repeat, each saying what happened. */
class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void aChangeItsBackupNeverConfirmedIsA503ToRepeat() {
    ResponseEntity<ProblemDetail> answer =
        handler.unconfirmedChange(
            new IndeterminateOperationStateException("failed because backup acks missed"));

    assertRetryable(answer, "urn:commerce:problem:change-unconfirmed");
    assertThat(answer.getBody().getDetail()).contains("send the same request again");
  }

  @Test
  void anUnreachableGridIsA503ToRepeat() {
    assertRetryable(
        handler.gridUnavailable(new OperationTimeoutException("no answer")),
        "urn:commerce:problem:grid-unavailable");
  }

  private static void assertRetryable(ResponseEntity<ProblemDetail> answer, String type) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(answer.getBody().getType()).isEqualTo(URI.create(type));
  }
}
