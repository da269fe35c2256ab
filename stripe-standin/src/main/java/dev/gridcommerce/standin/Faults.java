package dev.gridcommerce.standin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures the stand-in was told to make, for the next requests whose path starts with a prefix:
 * {@link #failNext} answers an error status without doing anything (Stripe down, or a 5xx before
 * the request ran: nothing is saved for its Idempotency-Key, so a retry runs it); {@link
 * #delayNext} does the request and then waits before answering (the answer lost to a client's
 * timeout: a retry under the same Idempotency-Key gets the saved answer, nothing runs twice).
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
  Fault take(String path) {
    for (Fault fault : faults) {
      if (path.startsWith(fault.pathPrefix()) && fault.left().getAndDecrement() > 0) {
        return fault;
      }
    }
    faults.removeIf(fault -> fault.left().get() <= 0);
    return null;
  }
}
