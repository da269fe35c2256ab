package dev.gridcommerce.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import dev.gridcommerce.api.testing.Purchases;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.Tracing;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer names its request's trace id in {@code traceresponse}: the caller's from a valid W3C
 * {@code traceparent}, a new one otherwise. A checkout's request line on the API node and the grid
 * steps it sent, run on the member's partition threads, are logged under that id.
 */
@EmbeddedGridTest
class RequestTraceHttpTest {

  private static final Pattern TRACERESPONSE =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
  private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-b7ad6b7169203331-01";

  @LocalServerPort int port;
  @Autowired Orders orders;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger traceLog = (Logger) LoggerFactory.getLogger(Tracing.LOGGER);

  @BeforeEach
  void capture() {
    captured.start();
    traceLog.addAppender(captured);
    traceLog.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    traceLog.detachAppender(captured);
    traceLog.setLevel(null);
  }

  private static String traceIdOf(ApiClient.Response response) {
    String header = response.header("traceresponse");
    assertThat(header).as("traceresponse").isNotNull();
    Matcher matcher = TRACERESPONSE.matcher(header);
    assertThat(matcher.matches()).as(header).isTrue();
    return matcher.group(1);
  }

  @Test
  void theCallersTraceIdIsKeptAndAnInvalidOrMissingOneIsReplaced() {
    ApiClient anonymous = new ApiClient(port);

    assertThat(traceIdOf(anonymous.get("/api/v1/stores", Map.of("traceparent", TRACEPARENT))))
        .isEqualTo(CALLER_TRACE);
    String fresh = traceIdOf(anonymous.get("/api/v1/stores"));
    String another = traceIdOf(anonymous.get("/api/v1/stores"));
    assertThat(fresh).isNotEqualTo(another).isNotEqualTo(CALLER_TRACE);
    for (String invalid :
        List.of(
            "00-" + "0".repeat(32) + "-b7ad6b7169203331-01",
            "00-" + CALLER_TRACE + "-0000000000000000-01",
            "00-" + CALLER_TRACE.toUpperCase() + "-b7ad6b7169203331-01",
            "garbage")) {
      assertThat(traceIdOf(anonymous.get("/api/v1/stores", Map.of("traceparent", invalid))))
          .as(invalid)
          .isNotEqualTo(CALLER_TRACE)
          .isNotEqualTo("0".repeat(32));
    }
    // problem answers name theirs too
    assertThat(traceIdOf(anonymous.get("/api/v1/orders/none", Map.of("traceparent", TRACEPARENT))))
        .isEqualTo(CALLER_TRACE);
  }

  @Test
  void aCheckoutsRequestLineAndItsGridStepsAreLoggedUnderItsTraceId() {
    ApiClient anonymous = new ApiClient(port);
    Purchases purchases = Purchases.atStore(anonymous, orders, "berlin-mitte");
    purchases.stock("PAN-00003", 5);
    ApiClient shopper = anonymous.newShopper("traced-" + System.nanoTime() + "@example.com");
    shopper.put("/api/v1/cart/store", Map.of("storeId", "berlin-mitte"));
    shopper.put("/api/v1/cart/items/PAN-00003", Map.of("quantity", 2));

    ApiClient.Response placed =
        shopper.post(
            "/api/v1/checkout",
            null,
            Map.of("traceparent", TRACEPARENT, "Idempotency-Key", "traced-" + System.nanoTime()));

    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    assertThat(traceIdOf(placed)).isEqualTo(CALLER_TRACE);
    List<ILoggingEvent> traced =
        captured.list.stream()
            .filter(event -> CALLER_TRACE.equals(event.getMDCPropertyMap().get(Tracing.TRACE_ID)))
            .toList();
    assertThat(traced)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.startsWith("POST /api/v1/checkout answered 201 in "))
        .anyMatch(line -> line.startsWith("BeginAttemptProcessor on "))
        .anyMatch(line -> line.startsWith("SettleAttemptProcessor on "));
    assertThat(traced)
        .filteredOn(event -> event.getFormattedMessage().startsWith("HoldStockProcessor on "))
        .isNotEmpty()
        .allMatch(event -> event.getThreadName().contains("partition-operation"));
  }
}
