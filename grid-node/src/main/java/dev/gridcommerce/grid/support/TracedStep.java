package dev.gridcommerce.grid.support;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An entry processor that carries the trace id of the request that sent it to the member that runs
 * it ({@link Tracing#step}): there the step runs with the id in the logging context, so whatever it
 * logs names the request, and it logs itself (what ran, on which key, what it answered, how long it
 * took) at DEBUG on the logger {@value Tracing#LOGGER}. The backup replica runs the step alone.
 */
final class TracedStep<K, V, R> implements EntryProcessor<K, V, R> {

  private static final String TRACE_ID = Tracing.TRACE_ID;
  private static final Logger log = LoggerFactory.getLogger(Tracing.LOGGER);
  private static final int MAX_ANSWER_LENGTH = 200;

  private final String traceId;
  private final EntryProcessor<K, V, R> step;

  TracedStep(String traceId, EntryProcessor<K, V, R> step) {
    this.traceId = traceId;
    this.step = step;
  }

  @Override
  public R process(Map.Entry<K, V> entry) {
    String outer = MDC.get(TRACE_ID);
    MDC.put(TRACE_ID, traceId);
    long started = System.nanoTime();
    try {
      R answer = step.process(entry);
      if (log.isDebugEnabled()) {
        log.debug(
            "{} on {}: {} in {} µs",
            step.getClass().getSimpleName(),
            printable(String.valueOf(entry.getKey())),
            printable(shortened(String.valueOf(answer))),
            (System.nanoTime() - started) / 1_000);
      }
      return answer;
    } finally {
      if (outer == null) {
        MDC.remove(TRACE_ID);
      } else {
        MDC.put(TRACE_ID, outer);
      }
    }
  }

  @Override
  public EntryProcessor<K, V, R> getBackupProcessor() {
    return step.getBackupProcessor();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TracedStep<?, ?, ?> traced
        && traced.traceId.equals(traceId)
        && traced.step.equals(step);
  }

  @Override
  public int hashCode() {
    return Objects.hash(traceId, step);
  }

  /** Control characters (a shopper's key may hold a line break) escaped: one step, one line. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        });
    return out.toString();
  }

  private static String shortened(String text) {
    return text.length() <= MAX_ANSWER_LENGTH
        ? text
        : text.substring(0, MAX_ANSWER_LENGTH) + "… (" + text.length() + " chars)";
  }

  /** The trace id and the step, which travels with its own Compact serializer. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class Serializer extends NamedSerializer<TracedStep> {

    Serializer() {
      super("commerce.TracedStep", TracedStep.class);
    }

    @Override
    public TracedStep read(CompactReader in) {
      return new TracedStep(in.readString("traceId"), in.readCompact("step"));
    }

    @Override
    public void write(CompactWriter out, TracedStep traced) {
      out.writeString("traceId", traced.traceId);
      out.writeCompact("step", traced.step);
    }
  }
}
