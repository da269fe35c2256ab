package dev.gridcommerce.grid.order;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * Claims, advances or gives up a durable subscriber's checkpoint for one reading instance ({@code
 * holder}), or forgets a subscriber nobody reads for, in one step on the checkpoint's partition
 * thread: an instance acts only while no other holds an unexpired lease, so one instance at a time
 * reads for a subscriber. Answers the checkpoint as it is now (as it was, when forgotten), or null
 * when another instance holds it. A checkpoint never moves back. The backup runs the same processor
 * with the same times.
 */
record CheckpointProcessor(
    Action action, String holder, long position, Instant now, Instant leaseUntil)
    implements EntryProcessor<String, SubscriberCheckpoint, SubscriberCheckpoint> {

  enum Action {
    CLAIM,
    ADVANCE,
    RELEASE,
    FORGET
  }

  /**
   * Claims the checkpoint; a subscriber that has none yet starts at {@code startAt} (0 to read the
   * log from its beginning, the log's head to read only what comes from now on).
   */
  static CheckpointProcessor claim(String holder, Instant now, Instant leaseUntil, long startAt) {
    return new CheckpointProcessor(Action.CLAIM, holder, startAt, now, leaseUntil);
  }

  static CheckpointProcessor advance(
      String holder, long position, Instant now, Instant leaseUntil) {
    return new CheckpointProcessor(Action.ADVANCE, holder, position, now, leaseUntil);
  }

  static CheckpointProcessor release(String holder, Instant now) {
    return new CheckpointProcessor(Action.RELEASE, holder, 0, now, now);
  }

  /** Removes the checkpoint unless an instance holds its lease at {@code now}. */
  static CheckpointProcessor forget(Instant now) {
    return new CheckpointProcessor(Action.FORGET, "", 0, now, now);
  }

  @Override
  public SubscriberCheckpoint process(Map.Entry<String, SubscriberCheckpoint> entry) {
    SubscriberCheckpoint current =
        entry.getValue() != null
            ? entry.getValue()
            : new SubscriberCheckpoint(action == Action.CLAIM ? position : 0, "", Instant.EPOCH);
    if (!current.isFreeFor(holder, now)) {
      return null;
    }
    SubscriberCheckpoint next =
        switch (action) {
          case CLAIM -> new SubscriberCheckpoint(current.position(), holder, leaseUntil);
          case ADVANCE ->
              new SubscriberCheckpoint(Math.max(current.position(), position), holder, leaseUntil);
          case RELEASE -> new SubscriberCheckpoint(current.position(), "", Instant.EPOCH);
          case FORGET -> null;
        };
    entry.setValue(next);
    return next == null ? current : next;
  }

  static final class Serializer extends NamedSerializer<CheckpointProcessor> {

    Serializer() {
      super("commerce.CheckpointProcessor", CheckpointProcessor.class);
    }

    @Override
    public CheckpointProcessor read(CompactReader in) {
      return new CheckpointProcessor(
          Action.valueOf(in.readString("action")),
          in.readString("holder"),
          in.readInt64("position"),
          instant(in.readInt64("now")),
          instant(in.readInt64("leaseUntil")));
    }

    @Override
    public void write(CompactWriter out, CheckpointProcessor processor) {
      out.writeString("action", processor.action().name());
      out.writeString("holder", processor.holder());
      out.writeInt64("position", processor.position());
      out.writeInt64("now", millis(processor.now()));
      out.writeInt64("leaseUntil", millis(processor.leaseUntil()));
    }
  }
}
