package dev.gridcommerce.grid.checkout;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.checkout.CheckoutAttempt;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts, replays or refuses a checkout under one idempotency key, in one step on the key's
 * partition thread, so two copies of a request racing each other can't both run. A new attempt
 * takes the order id proposed with it ({@code orderId}, made now); one taken over keeps the order
 * id it had, so the retry holds nothing twice. Answers the verdict with the attempt's order id. The
 * backup runs the same processor with the same times.
 */
record BeginAttemptProcessor(
    String requestHash, String orderId, String token, Instant now, Instant leaseUntil)
    implements EntryProcessor<String, CheckoutAttempt, AttemptStart> {

  @Override
  public AttemptStart process(Map.Entry<String, CheckoutAttempt> entry) {
    CheckoutAttempt attempt = entry.getValue();
    if (attempt == null) {
      return start(entry, IdempotentCheckout.Verdict.FRESH, orderId);
    } else if (!attempt.requestHash().equals(requestHash)) {
      return answer(IdempotentCheckout.Verdict.MISMATCH, attempt);
    } else if (attempt.state() != CheckoutAttempt.State.IN_PROGRESS) {
      return answer(IdempotentCheckout.Verdict.REPLAY, attempt);
    } else if (attempt.token().equals(token)) {
      return answer(IdempotentCheckout.Verdict.FRESH, attempt); // this request's own call, redone
    } else if (attempt.leaseUntil().isAfter(now)) {
      return answer(IdempotentCheckout.Verdict.BUSY, attempt);
    } else {
      return start(entry, IdempotentCheckout.Verdict.RESUME, attempt.orderId());
    }
  }

  private AttemptStart start(
      Map.Entry<String, CheckoutAttempt> entry, IdempotentCheckout.Verdict verdict, String id) {
    entry.setValue(
        new CheckoutAttempt(
            requestHash, id, token, CheckoutAttempt.State.IN_PROGRESS, leaseUntil, List.of()));
    return new AttemptStart(verdict, id);
  }

  private static AttemptStart answer(IdempotentCheckout.Verdict verdict, CheckoutAttempt attempt) {
    return new AttemptStart(verdict, attempt.orderId());
  }

  static final class Serializer extends NamedSerializer<BeginAttemptProcessor> {

    Serializer() {
      super("commerce.BeginAttemptProcessor", BeginAttemptProcessor.class);
    }

    @Override
    public BeginAttemptProcessor read(CompactReader in) {
      return new BeginAttemptProcessor(
          in.readString("requestHash"),
          in.readString("orderId"),
          in.readString("token"),
          instant(in.readInt64("now")),
          instant(in.readInt64("leaseUntil")));
    }

    @Override
    public void write(CompactWriter out, BeginAttemptProcessor processor) {
      out.writeString("requestHash", processor.requestHash());
      out.writeString("orderId", processor.orderId());
      out.writeString("token", processor.token());
      out.writeInt64("now", millis(processor.now()));
      out.writeInt64("leaseUntil", millis(processor.leaseUntil()));
    }
  }
}
