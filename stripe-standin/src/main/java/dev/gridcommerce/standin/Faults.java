package dev.gridcommerce.standin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures the stand-in was told to make, for the next requests that match a pattern: a path prefix
 * ({@code /v1/payment_intents}), optionally after a method ({@code POST /v1/refunds}) and ending in
 * {@code $} for the exact path ({@code POST /v1/payment_intents$}: only creating an intent). {@link
 * #failNext} answers an error status without doing anything (Stripe down, or a 5xx before the
 * request ran: nothing is saved for its Idempotency-Key, so a retry runs it); {@link #delayNext}
 * does the request and then waits before answering (the answer lost to a client's timeout: a retry
 * under the same Idempotency-Key gets the saved answer, nothing runs twice).
 */
public final class Faults {

  /** What to do to one matching request. */
  record Fault(String pathPrefix, int status, Duration delay, AtomicInteger left) {

    boolean failsBeforeRunning() {
      return status > 0;
    }
  }

  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  /** The next {@code times} requests under {@code pathPrefix} are answered {@code status}. */
  public void failNext(String pathPrefix, int times, int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a failure status is 4xx or 5xx: " + status);
    }
    faults.add(new Fault(pathPrefix, status, Duration.ZERO, new AtomicInteger(times)));
  }

  /** The next {@code times} requests under {@code pathPrefix} run, then wait {@code delay}. */
  public void delayNext(String pathPrefix, int times, Duration delay) {
    faults.add(new Fault(pathPrefix, 0, delay, new AtomicInteger(times)));
  }

  /** Forgets every fault not yet used. */
  public void clear() {
    faults.clear();
  }

  /** The fault this request gets, if any (each fault is used {@code times} times). */
  Fault take(String method, String path) {
    for (Fault fault : faults) {
      if (matches(fault.pathPrefix(), method, path) && fault.left().getAndDecrement() > 0) {
        return fault;
      }
    }
    faults.removeIf(fault -> fault.left().get() <= 0);
    return null;
  }

  private static boolean matches(String pattern, String method, String path) {
    String rest = pattern;
    int space = pattern.indexOf(' ');
    if (space > 0) {
      if (!pattern.substring(0, space).equalsIgnoreCase(method)) {
        return false;
      }
      rest = pattern.substring(space + 1);
    }
    return rest.endsWith("$")
        ? path.equals(rest.substring(0, rest.length() - 1))
        : path.startsWith(rest);
  }
}
