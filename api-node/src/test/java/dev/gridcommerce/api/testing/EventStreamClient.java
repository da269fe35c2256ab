package dev.gridcommerce.api.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code text/event-stream} as a browser's {@code EventSource} does: no headers but the
 * ones it always sends (the token goes in {@code ?access_token=}), {@code Last-Event-ID} when it
 * reconnects, events split on blank lines with their {@code id} and {@code data}; comment lines are
 * skipped.
 */
public final class EventStreamClient implements AutoCloseable {

  /** One event of the stream. */
  public record Event(String id, JsonNode data) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  private EventStreamClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofPlatform().daemon().start(this::read);
  }

  /** Opens the stream at {@code url}; {@code lastEventId} may be null (a first connection). */
  public static EventStreamClient open(String url, String lastEventId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Cache-Control", "no-cache")
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return new EventStreamClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** The next event, waiting at most {@code timeout}; null when none came. */
  public Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next {@code count} events, each within {@code timeout}, failing when one doesn't come. */
  public List<Event> take(int count, Duration timeout) throws InterruptedException {
    List<Event> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Event event = next(timeout);
      if (event == null) {
        throw new AssertionError("event " + (i + 1) + " of " + count + " didn't come: " + taken);
      }
      taken.add(event);
    }
    return taken;
  }

  private void read() {
    String id = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, JSON.readTree(data.toString())));
          }
          id = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException closed) {
      // the stream ended or was closed
    }
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
