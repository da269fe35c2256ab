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
 * partition thread, so two copies of a request racing each other can't both run. Answers the
 * verdict as a string (a {@link IdempotentCheckout.Verdict} name) and leaves the attempt in the map
 * for the caller to read. The backup runs the same processor with the same times.
 */
record BeginAttemptProcessor(
    String requestHash, String orderId, String token, Instant now, Instant leaseUntil)
    implements EntryProcessor<String, CheckoutAttempt, String> {

  @Override
  public String process(Map.Entry<String, CheckoutAttempt> entry) {
    CheckoutAttempt attempt = entry.getValue();
    IdempotentCheckout.Verdict verdict;
    if (attempt == null) {
      verdict = IdempotentCheckout.Verdict.FRESH;
    } else if (!attempt.requestHash().equals(requestHash)) {
      return IdempotentCheckout.Verdict.MISMATCH.name();
    } else if (attempt.state() != CheckoutAttempt.State.IN_PROGRESS) {
      return IdempotentCheckout.Verdict.REPLAY.name();
    } else if (attempt.token().equals(token)) {
      return IdempotentCheckout.Verdict.FRESH.name(); // this request's own call, redone
    } else if (attempt.leaseUntil().isAfter(now)) {
      return IdempotentCheckout.Verdict.BUSY.name();
    } else {
      verdict = IdempotentCheckout.Verdict.RESUME;
    }
    entry.setValue(
        new CheckoutAttempt(
            requestHash, orderId, token, CheckoutAttempt.State.IN_PROGRESS, leaseUntil, List.of()));
    return verdict.name();
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
