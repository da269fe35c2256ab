package dev.gridcommerce.grid.support;

import com.hazelcast.core.Offloadable;
import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;
import org.slf4j.MDC;

/**
 * Trace ids across the grid: a request's id is in the logging context ({@value #TRACE_ID}) on the
 * API node while it runs, and {@link #step} makes an entry processor carry it to the member that
 * runs it, where it is in the logging context of the partition thread for that step.
 */
public final class Tracing {

  /** The logging context's key of the trace id, on API nodes and grid members alike. */
  public static final String TRACE_ID = "traceId";

  /** The logger of the steps (and, on API nodes, of the requests) a trace follows. */
  public static final String LOGGER = "dev.gridcommerce.trace";

  private Tracing() {}

  /**
   * The step, traced under the caller's trace id when its logging context has one. A read-only or
   * offloadable step goes as it is: the wrapper would hide what its marker tells the member.
   */
  public static <K, V, R> EntryProcessor<K, V, R> step(EntryProcessor<K, V, R> step) {
    String traceId = MDC.get(TRACE_ID);
    return traceId == null || step instanceof ReadOnly || step instanceof Offloadable
        ? step
        : new TracedStep<>(traceId, step);
  }

  /** The Compact serializer of the traced steps. */
  public static List<CompactSerializer<?>> serializers() {
    return List.of(new TracedStep.Serializer());
  }
}
