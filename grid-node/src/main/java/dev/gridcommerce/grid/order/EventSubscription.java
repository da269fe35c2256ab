package dev.gridcommerce.grid.order;

import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.order.OrderEventLog;
import dev.gridcommerce.domain.order.SubscriberCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of a durable subscriber of order events: on a thread of its own, it reads
 * the event log from the subscriber's checkpoint on, hands each event to the handler, and moves the
 * checkpoint past what the handler took. At least once: an event handled but not yet checkpointed
 * when the instance stops comes again. In order: one instance at a time reads for a subscriber (a
 * lease in the checkpoint, renewed as it goes); another instance of the same subscriber, here or on
 * another node, waits and takes over when the lease runs out. Checkpoints live in the grid and
 * PostgreSQL, so a subscriber resumes where it was after a restart of the whole cluster.
 */
public final class EventSubscription implements AutoCloseable {

  /** Where a subscriber with no checkpoint yet starts reading. */
  public enum Start {
    /** At the log's beginning: every event ever stored (an export, a replica). */
    EARLIEST,
    /** At the log's head when it first subscribes: what happens from now on (emails). */
    LATEST
  }

  /**
   * @param poll how long to wait when there is nothing new
   * @param batch how many events to read at a time
   * @param lease how long an instance keeps the subscription without renewing it (it renews at half
   *     of it); another instance takes over this long after one died
   * @param start where a new subscriber starts
   */
  public record Options(Duration poll, int batch, Duration lease, Start start) {
    public static final Options DEFAULT =
        new Options(Duration.ofMillis(200), 200, Duration.ofSeconds(30), Start.LATEST);

    public Options {
      if (!poll.isPositive() || batch < 1 || lease.compareTo(poll.multipliedBy(4)) < 0) {
        throw new IllegalArgumentException("a lease lasts at least four polls");
      }
    }

    public Options startingAt(Start from) {
      return new Options(poll, batch, lease, from);
    }

    public Options withLease(Duration newLease) {
      return new Options(poll, batch, newLease, start);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final String name;
  private final OrderEventHandler handler;
  private final Options options;
  private final IMap<String, SubscriberCheckpoint> checkpoints;
  private final OrderEventFeed feed;
  private final Clock clock;
  private final String instance = UUID.randomUUID().toString();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long position = -1;
  private long startAt = -1;
  private Instant renewedAt = Instant.MIN;

  EventSubscription(
      String name,
      OrderEventHandler handler,
      Options options,
      IMap<String, SubscriberCheckpoint> checkpoints,
      OrderEventFeed feed,
      Clock clock) {
    this.name = name;
    this.handler = handler;
    this.options = options;
    this.checkpoints = checkpoints;
    this.feed = feed;
    this.clock = clock;
    this.thread = Thread.ofPlatform().daemon().name("order-events-" + name).unstarted(this::run);
  }

  EventSubscription start() {
    thread.start();
    return this;
  }

  public String name() {
    return name;
  }

  /** The last log position this instance has checkpointed, or -1 while it doesn't read. */
  public long position() {
    return position;
  }

  /** Stops reading and gives the subscription up, so another instance can take it at once. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10));
      checkpoints.executeOnKey(name, CheckpointProcessor.release(instance, clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.debug("subscriber {} could not give up its lease: {}", name, e.toString());
    }
  }

  private void run() {
    Duration backoff = options.poll();
    while (running) {
      try {
        if (!readOnce()) {
          pause(options.poll());
        }
        backoff = options.poll();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("subscriber {}: {}; trying again in {} ms", name, e, backoff.toMillis());
        try {
          pause(backoff);
        } catch (InterruptedException stopped) {
          return;
        }
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
    }
  }

  /** Reads and handles one page; answers whether there was anything to read. */
  private boolean readOnce() throws InterruptedException {
    SubscriberCheckpoint claimed = claim(-1);
    if (claimed == null) {
      position = -1;
      return false; // another instance reads for this subscriber
    }
    List<OrderEventLog.Logged> page = feed.after(claimed.position(), options.batch());
    long handled = claimed.position();
    for (OrderEventLog.Logged logged : page) {
      if (!stillHolding(handled) || !handle(logged, handled)) {
        position = -1;
        return false; // another instance took over while this one was slow
      }
      handled = logged.position();
    }
    if (!page.isEmpty() && claim(handled) == null) {
      position = -1;
      return false;
    }
    return !page.isEmpty();
  }

  /**
   * Whether this instance still reads for the subscriber: its lease is renewed (with the checkpoint
   * moved to what it handled) once half of it has passed, and another instance can take the
   * subscription only once a whole lease has passed without renewal. So no two instances hand
   * events to their handlers at once, as long as one handler call takes less than half a lease.
   */
  private boolean stillHolding(long handled) {
    return clock.instant().isBefore(renewedAt.plus(options.lease().dividedBy(2)))
        || claim(handled) != null;
  }

  /**
   * Hands one event to the handler until it takes it, pausing longer after each failure and
   * renewing the lease meanwhile (with the checkpoint moved to {@code handled}, what this page
   * handled before); answers false when another instance took the subscription over.
   */
  private boolean handle(OrderEventLog.Logged logged, long handled) throws InterruptedException {
    Duration backoff = options.poll();
    while (running) {
      try {
        handler.handle(logged.event());
        return true;
      } catch (InterruptedException e) {
        throw e;
      } catch (OrderEventHandler.RetryAfter later) {
        log.debug("subscriber {}: event {} again in {}", name, logged.event().id(), later.delay());
        if (!pauseHolding(later.delay(), handled)) {
          return false;
        }
      } catch (Exception e) {
        log.warn(
            "subscriber {} failed on event {} (order {}, #{}): {}; trying it again in {} ms",
            name,
            logged.event().id(),
            logged.event().orderId(),
            logged.event().seq(),
            e.toString(),
            backoff.toMillis());
        pause(backoff);
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        if (claim(-1) == null) {
          return false;
        }
      }
    }
    throw new InterruptedException("subscriber stopped");
  }

  /**
   * Pauses for {@code delay} (at least one poll), renewing the lease every quarter of it and
   * checkpointing what was handled; answers false when another instance took the subscription over
   * meanwhile.
   */
  private boolean pauseHolding(Duration delay, long handled) throws InterruptedException {
    Duration left = delay.compareTo(options.poll()) < 0 ? options.poll() : delay;
    Duration slice = options.lease().dividedBy(4);
    while (running && left.isPositive()) {
      Duration now = min(left, slice);
      pause(now);
      left = left.minus(now);
      if (claim(handled) == null) {
        return false;
      }
    }
    return running;
  }

  /**
   * Takes or renews the lease, moving the checkpoint to {@code handled} when it is a position (not
   * -1); answers the checkpoint, or null when another instance holds the subscription.
   */
  private SubscriberCheckpoint claim(long handled) {
    if (startAt < 0) {
      startAt = options.start() == Start.EARLIEST ? 0 : feed.head();
    }
    Instant now = clock.instant();
    Instant leaseUntil = now.plus(options.lease());
    SubscriberCheckpoint checkpoint =
        checkpoints.executeOnKey(
            name,
            handled < 0
                ? CheckpointProcessor.claim(instance, now, leaseUntil, startAt)
                : CheckpointProcessor.advance(instance, handled, now, leaseUntil));
    renewedAt = now;
    position = checkpoint == null ? -1 : checkpoint.position();
    return checkpoint;
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
