package dev.gridcommerce.api.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for requests it refuses itself, before any of the application sees them (an
 * encoded slash or a NUL in the path, a request line or headers too large): a problem document like
 * every other answer of the API, instead of Tomcat's HTML page. Everything that reaches the
 * application is answered by {@link ApiExceptionHandler} and never gets here.
 */
public final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable failure) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer body = response.getReporter();
      if (body != null) {
        body.write(
            """
            {"type":"urn:commerce:problem:%s","title":"%s","status":%d,"detail":"%s"}\
            """
                .formatted(slug(status), title, status, detail(status)));
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the answer was already on its way: nothing more to say
    }
  }

  private static String slug(int status) {
    return status < 500 ? "malformed-request" : "internal-error";
  }

  private static String detail(int status) {
    return status < 500
        ? "the request's address or headers can't be served (an encoded '/' or a control"
            + " character in the path, or a request line or headers too large)"
        : "something went wrong on our side; it has been logged";
  }
}
