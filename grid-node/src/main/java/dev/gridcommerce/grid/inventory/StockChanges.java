package dev.gridcommerce.grid.inventory;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.IMap;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.support.Futures;
import dev.gridcommerce.grid.support.Tracing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies stock changes to several stock entries at once: one {@code submitToKey} per entry, all in
 * flight together, each answered only once its synchronous backup has applied it too.
 *
 * <p>Not {@code IMap.executeOnKeys}: that runs as one operation per partition which does not wait
 * for backup acknowledgements, so a change it acknowledged can vanish when the primary dies right
 * after (a released hold would come back). And with {@code fail.on.indeterminate.state} set (both
 * Hazelcast configurations), a change whose backup never confirmed it fails instead of counting as
 * done; every {@link StockChange} is idempotent by order or holder id, so such a change is sent
 * again, up to {@value #ATTEMPTS} times in all. {@code StockChangesClusterTest} kills a member
 * while callers hold and release stock on it and checks that every acknowledged release stayed
 * released.
 */
final class StockChanges {

  private static final Logger log = LoggerFactory.getLogger(StockChanges.class);
  private static final int ATTEMPTS = 3;

  /** One change to one stock entry. */
  record Keyed(StockKey key, StockChange change) {}

  private final IMap<StockKey, Stock> inventory;

  StockChanges(IMap<StockKey, Stock> inventory) {
    this.inventory = inventory;
  }

  /**
   * Applies every change and answers their outcomes in the same order. Waits for all of them, even
   * when one fails, and then throws the first failure.
   */
  List<StockOutcome> applyAll(List<Keyed> changes) {
    if (changes.size() == 1) {
      return List.of(applyOne(changes.getFirst()));
    }
    List<CompletableFuture<StockOutcome>> pending = changes.stream().map(this::submit).toList();
    Futures.awaitAll(pending.toArray(CompletableFuture[]::new));
    List<StockOutcome> outcomes = new ArrayList<>();
    RuntimeException firstFailure = null;
    for (int i = 0; i < changes.size(); i++) {
      try {
        outcomes.add(confirmed(changes.get(i), pending.get(i)));
      } catch (RuntimeException e) {
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    if (firstFailure != null) {
      throw firstFailure;
    }
    return outcomes;
  }

  /** Applies the same change to every one of the keys. */
  void applyToEach(Collection<StockKey> keys, StockChange change) {
    applyAll(keys.stream().map(key -> new Keyed(key, change)).toList());
  }

  /** One change, called and answered on this thread (no future to hand over between threads). */
  private StockOutcome applyOne(Keyed keyed) {
    for (int tries = 1; ; tries++) {
      try {
        return inventory.executeOnKey(keyed.key(), Tracing.step(keyed.change()));
      } catch (IndeterminateOperationStateException e) {
        if (tries == ATTEMPTS) {
          throw e;
        }
        log.warn(
            "stock change at {} unconfirmed by its backup, sending it again: {}",
            keyed.key(),
            e.getMessage());
      }
    }
  }

  private CompletableFuture<StockOutcome> submit(Keyed keyed) {
    return inventory.submitToKey(keyed.key(), Tracing.step(keyed.change())).toCompletableFuture();
  }

  /** The outcome of a change once both replicas have it, sending it again while they may not. */
  private StockOutcome confirmed(Keyed keyed, CompletableFuture<StockOutcome> first) {
    CompletableFuture<StockOutcome> attempt = first;
    for (int tries = 1; ; tries++) {
      try {
        return Futures.join(attempt);
      } catch (IndeterminateOperationStateException e) {
        if (tries == ATTEMPTS) {
          throw e;
        }
        log.warn(
            "stock change at {} unconfirmed by its backup, sending it again: {}",
            keyed.key(),
            e.getMessage());
        attempt = submit(keyed);
      }
    }
  }
}
