package dev.gridcommerce.grid.checkout;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.domain.checkout.ShortLine;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records how the run of an attempt ended, only if that run still owns it (its token): a run whose
 * lease ran out and was taken over can't overwrite the run that took over. An attempt ends {@code
 * PLACED} or {@code SHORT} (replayed to every retry), {@code INTERRUPTED} (still running as far as
 * the key goes, but with its lease over, so the next retry resumes it at once) or {@code FORGOTTEN}
 * (an answer that was not an outcome of the stock; the shopper may retry under the same key).
 */
record SettleAttemptProcessor(String token, End end, List<ShortLine> shortLines, Instant at)
    implements EntryProcessor<String, CheckoutAttempt, Boolean> {

  enum End {
    PLACED,
    SHORT,
    INTERRUPTED,
    FORGOTTEN
  }

  SettleAttemptProcessor {
    shortLines = List.copyOf(shortLines);
  }

  @Override
  public Boolean process(Map.Entry<String, CheckoutAttempt> entry) {
    CheckoutAttempt attempt = entry.getValue();
    if (attempt == null
        || attempt.state() != CheckoutAttempt.State.IN_PROGRESS
        || !attempt.token().equals(token)) {
      return false;
    }
    switch (end) {
      case FORGOTTEN -> entry.setValue(null);
      case INTERRUPTED -> entry.setValue(with(attempt, CheckoutAttempt.State.IN_PROGRESS));
      case PLACED -> entry.setValue(with(attempt, CheckoutAttempt.State.PLACED));
      case SHORT -> entry.setValue(with(attempt, CheckoutAttempt.State.SHORT));
    }
    return true;
  }

  private CheckoutAttempt with(CheckoutAttempt attempt, CheckoutAttempt.State state) {
    return new CheckoutAttempt(
        attempt.requestHash(), attempt.orderId(), token, state, at, shortLines);
  }

  static final class Serializer extends NamedSerializer<SettleAttemptProcessor> {

    Serializer() {
      super("commerce.SettleAttemptProcessor", SettleAttemptProcessor.class);
    }

    @Override
    public SettleAttemptProcessor read(CompactReader in) {
      return new SettleAttemptProcessor(
          in.readString("token"),
          End.valueOf(in.readString("end")),
          List.of(in.readArrayOfCompact("shortLines", ShortLine.class)),
          instant(in.readInt64("at")));
    }

    @Override
    public void write(CompactWriter out, SettleAttemptProcessor processor) {
      out.writeString("token", processor.token());
      out.writeString("end", processor.end().name());
      out.writeArrayOfCompact("shortLines", processor.shortLines().toArray(ShortLine[]::new));
      out.writeInt64("at", millis(processor.at()));
    }
  }
}
