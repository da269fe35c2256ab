package dev.gridcommerce.grid.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Steps sent through a client while its logging context has a trace id run on the members under
 * that id (the wrapper and the id travel serialized), log themselves at DEBUG there, and change the
 * data as they would untraced, backups included: the stock held under a trace survives the loss of
 * the member that owned it.
 */
class TracedClusterTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final ShoppingRun RUN = new ShoppingRun(1, 10, 1, 1);

  private final TestClock clock = new TestClock();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger traceLog = (Logger) LoggerFactory.getLogger(Tracing.LOGGER);
  private TestGrid grid;
  private Doors doors;

  @BeforeEach
  void start() {
    grid = TestGrid.inMemory().start(3);
    doors = grid.doors(clock);
    RUN.stock(doors);
    captured.start();
    traceLog.addAppender(captured);
    traceLog.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    MDC.remove(Tracing.TRACE_ID);
    traceLog.detachAppender(captured);
    traceLog.setLevel(null);
    grid.close();
  }

  /** What the partition thread's logging context has as the trace id when it runs. */
  record TraceIdProbe() implements EntryProcessor<Object, Object, String>, Serializable {
    @Override
    public String process(Map.Entry<Object, Object> entry) {
      return Objects.requireNonNullElse(MDC.get(Tracing.TRACE_ID), "none");
    }
  }

  /** The steps logged on the members' partition threads under {@code traceId}. */
  private List<String> tracedSteps(String traceId) {
    return captured.list.stream()
        .filter(event -> event.getThreadName().contains("partition-operation"))
        .filter(event -> traceId.equals(event.getMDCPropertyMap().get(Tracing.TRACE_ID)))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void aCheckoutsStepsRunOnTheMembersUnderTheCallersTraceId() {
    RUN.fillCarts(doors);
    Doors viaClient = Doors.of(grid.client(), clock);

    MDC.put(Tracing.TRACE_ID, TRACE);
    CheckoutOutcome outcome =
        viaClient
            .checkout()
            .place(new CheckoutRequest(ShoppingRun.shopperId(0), ShoppingRun.keyOf(0), null));
    MDC.remove(Tracing.TRACE_ID);

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    Set<String> steps =
        tracedSteps(TRACE).stream()
            .map(line -> line.substring(0, line.indexOf(' ')))
            .collect(Collectors.toSet());
    assertThat(steps)
        .contains("BeginAttemptProcessor", "EmptyCartProcessor", "SettleAttemptProcessor");
    assertThat(tracedSteps(TRACE))
        .anyMatch(line -> line.contains(" on StockKey[storeId=test-store"))
        .as("the attempt's key, owner and key apart by a line break, is on one line")
        .anyMatch(line -> line.startsWith("BeginAttemptProcessor on shopper-0\\u000aorder-0: "))
        .noneMatch(line -> line.contains("\n"));
  }

  @Test
  void stockHeldUnderATraceIsOnTheBackupWhenItsOwnerDies() {
    StockKey key = new StockKey(ShoppingRun.STORE, ShoppingRun.sku(0));
    Doors viaClient = Doors.of(grid.client(), clock);
    MDC.put(Tracing.TRACE_ID, TRACE);
    viaClient.inventory().holdExactly(key, "traced-holder", 3, clock.instant().plusSeconds(600));
    MDC.remove(Tracing.TRACE_ID);
    viaClient.inventory().holdExactly(key, "plain-holder", 2, clock.instant().plusSeconds(600));
    assertThat(tracedSteps(TRACE)).singleElement().asString().startsWith("HoldCartProcessor on");
    assertThat(captured.list).as("the untraced hold logs no step").hasSize(1);
    assertThat(grid.client().getMap(GridMaps.INVENTORY).executeOnKey(key, new TraceIdProbe()))
        .as("the partition thread of the traced step has no trace id afterwards")
        .isEqualTo("none");

    Member owner = grid.client().getPartitionService().getPartition(key).getOwner();
    HazelcastInstance ownerMember =
        grid.members().stream()
            .filter(m -> m.getCluster().getLocalMember().getUuid().equals(owner.getUuid()))
            .findFirst()
            .orElseThrow();
    grid.terminate(ownerMember);

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() ->
            assertThat(viaClient.inventory().available(ShoppingRun.STORE, List.of(key.sku())))
                .containsEntry(key.sku(), 10 - 3 - 2));
  }
}
