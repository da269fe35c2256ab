package dev.gridcommerce.api.order;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.order.Orders;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live order tracking: each open event stream follows one order's timeline. The order itself is the
 * source (all its events, numbered without gaps), so a stream sends exactly the events after the
 * last one it sent, whatever told it to look: a change notice from the grid (one key-only listener
 * per API node, so a change made through any API node is seen on every one), or the heartbeat,
 * which reads each followed order again in case a notice was lost with a member. A client that
 * reconnects with {@code Last-Event-ID} gets what came after it.
 *
 * <p>Reads and sends run on virtual threads, one per notice, so a slow client only holds up its own
 * stream. Stops before the web server's graceful shutdown (a higher lifecycle phase), completing
 * every stream, so open streams never hold a shutdown up; browsers reconnect to another node.
 */
final class OrderTracking implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OrderTracking.class);

  private final Orders orders;
  private final OrderTrackingSettings settings;
  private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
  private volatile ExecutorService senders;
  private volatile ScheduledExecutorService heartbeat;
  private volatile Runnable stopWatching;

  OrderTracking(Orders orders, OrderTrackingSettings settings) {
    this.orders = orders;
    this.settings = settings;
  }

  /** A stream of the order's events after {@code afterSeq}, then of each new one as it happens. */
  SseEmitter follow(Order order, long afterSeq) {
    SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
    Stream stream = new Stream(order.id(), emitter, afterSeq);
    streams.compute(
        order.id(),
        (id, following) -> {
          Set<Stream> set = following == null ? ConcurrentHashMap.newKeySet() : following;
          set.add(stream);
          return set;
        });
    emitter.onCompletion(() -> forget(stream));
    emitter.onTimeout(() -> end(stream));
    emitter.onError(failure -> forget(stream));
    stream.send(order);
    senders.execute(() -> changed(order.id())); // a change before it was followed isn't missed
    return emitter;
  }

  private void changed(String orderId) {
    Set<Stream> following = streams.get(orderId);
    if (following == null || following.isEmpty()) {
      return;
    }
    try {
      orders.find(orderId).ifPresent(order -> Set.copyOf(following).forEach(s -> s.send(order)));
    } catch (RuntimeException e) {
      log.debug("order {} not read for its streams this time: {}", orderId, e.toString());
    }
  }

  private void beat() {
    for (String orderId : new HashSet<>(streams.keySet())) {
      senders.execute(() -> {
        Set<Stream> following = streams.get(orderId);
        if (following != null) {
          Set.copyOf(following).forEach(Stream::keepAlive);
        }
        changed(orderId);
      });
    }
  }

  private void forget(Stream stream) {
    streams.computeIfPresent(
        stream.orderId,
        (id, following) -> {
          following.remove(stream);
          return following.isEmpty() ? null : following;
        });
  }

  /** Ends a stream whose time is up or whose client went away; the client may reconnect. */
  private void end(Stream stream) {
    forget(stream);
    stream.emitter.complete();
  }

  @Override
  public void start() {
    senders = Executors.newVirtualThreadPerTaskExecutor();
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("order-tracking").factory());
    // notices come on the grid's event threads, which must not wait for the grid: read elsewhere
    stopWatching = orders.watch(orderId -> senders.execute(() -> changed(orderId)));
    long every = settings.heartbeat().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    heartbeat.shutdownNow();
    try {
      stopWatching.run();
    } catch (RuntimeException e) {
      log.debug("order change notices not stopped: {}", e.toString());
    }
    streams.values().forEach(following -> Set.copyOf(following).forEach(this::end));
    streams.clear();
    senders.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return heartbeat != null && !heartbeat.isShutdown();
  }

  /** Stops before the web server drains its requests (which would wait for open streams). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  /** One open stream: what it sent last, so each event goes out once, in sequence. */
  private final class Stream {

    private final String orderId;
    private final SseEmitter emitter;
    private long lastSent;

    Stream(String orderId, SseEmitter emitter, long lastSent) {
      this.orderId = orderId;
      this.emitter = emitter;
      this.lastSent = lastSent;
    }

    synchronized void send(Order order) {
      try {
        for (OrderEvent event : order.events()) {
          if (event.seq() > lastSent) {
            emitter.send(
                SseEmitter.event()
                    .id(Long.toString(event.seq()))
                    .data(OrderView.Event.of(event), MediaType.APPLICATION_JSON));
            lastSent = event.seq();
          }
        }
      } catch (IOException | IllegalStateException gone) {
        end(this); // the client went away, or the stream was already complete
      }
    }

    synchronized void keepAlive() {
      try {
        emitter.send(SseEmitter.event().comment("keep-alive"));
      } catch (IOException | IllegalStateException gone) {
        end(this);
      }
    }
  }
}
