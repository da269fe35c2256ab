package dev.gridcommerce.persistence;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells how a map's initial load from PostgreSQL goes: how many keys there are to load (on the
 * member that lists them), and, every {@value #EVERY_SECONDS} s while entries arrive, how many this
 * member has loaded so far.
 */
final class LoadProgress {

  private static final Logger log = LoggerFactory.getLogger(LoadProgress.class);
  private static final long EVERY_SECONDS = 2;

  private final String mapName;
  private final AtomicLong loaded = new AtomicLong();
  private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

  LoadProgress(String mapName) {
    this.mapName = mapName;
  }

  void expect(int keys) {
    log.info("Loading map '{}' from PostgreSQL: {} keys", mapName, keys);
  }

  void loaded(int entries) {
    long total = loaded.addAndGet(entries);
    long now = System.nanoTime();
    long due = nextReport.get();
    if (now - due >= 0 && nextReport.compareAndSet(due, now + EVERY_SECONDS * 1_000_000_000L)) {
      log.info("Loading map '{}': {} entries loaded on this member so far", mapName, total);
    }
  }
}
