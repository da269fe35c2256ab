package dev.gridcommerce.grid.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change {@link StockChanges} acknowledged survives the death of the member that made it: callers
 * hold and release batches of stock on one member while it is killed, and the backup that takes
 * over has every change they were told was done.
 */
class StockChangesClusterTest {

  private static final int THREADS = 16;
  private static final int BATCH = 25;
  private static final int KEYS = THREADS * BATCH;
  private static final int ROUNDS = 30;

  private TestGrid grid;
  private HazelcastInstance victim;
  private StockChanges changes;
  private List<StockKey> victimsKeys;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    victim = grid.member(1);
    GridMaps viaClient = new GridMaps(grid.client());
    changes = new StockChanges(viaClient.inventory());
    victimsKeys =
        IntStream.range(0, KEYS * 4)
            .mapToObj(i -> new StockKey("store", "SKU-%05d".formatted(i)))
            .filter(key -> victim.getPartitionService().getPartition(key).getOwner().localMember())
            .limit(KEYS)
            .toList();
    victimsKeys.forEach(key -> viaClient.inventory().set(key, Stock.of(5)));
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void releasesAcknowledgedWhileTheirPrimaryDiesStayReleased() throws Exception {
    Instant expiresAt = Instant.parse("2030-01-01T00:00:00Z");
    Set<String> released = ConcurrentHashMap.newKeySet();
    AtomicInteger finished = new AtomicInteger();
    try (ExecutorService callers = Executors.newFixedThreadPool(THREADS)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<StockKey> batch = victimsKeys.subList(t * BATCH, (t + 1) * BATCH);
        String caller = "caller-" + t;
        runs.add(
            callers.submit(() -> {
              for (int round = 0; round < ROUNDS; round++) {
                String orderId = caller + "-" + round;
                try {
                  changes.applyToEach(batch, new HoldStockProcessor(orderId, 1, expiresAt, null));
                  changes.applyToEach(batch, new ReleaseHoldProcessor(orderId));
                  released.add(orderId);
                } catch (RuntimeException unacknowledged) {
                  // the member died under this call: nothing was promised
                }
                if (finished.incrementAndGet() == THREADS * ROUNDS / 3) {
                  grid.terminate(victim);
                }
              }
            }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    }

    assertThat(grid.members()).doesNotContain(victim);
    assertThat(released).hasSizeGreaterThan(THREADS * ROUNDS / 2);
    GridMaps survivor = grid.maps();
    assertThat(victimsKeys)
        .allSatisfy(key -> {
          Stock stock = survivor.inventory().get(key);
          assertThat(released)
              .as("released orders holding at %s", key)
              .noneMatch(orderId -> stock.holdOf(orderId).isPresent());
        });
  }

  @Test
  void appliedHoldsAreAllThereWhenTheirPrimaryDiesRightAfter() {
    List<StockChanges.Keyed> holds =
        victimsKeys.stream()
            .map(key ->
                new StockChanges.Keyed(
                    key,
                    new HoldStockProcessor(
                        "order-2", 1, Instant.parse("2030-01-01T00:00:00Z"), null)))
            .toList();

    assertThat(changes.applyAll(holds)).hasSize(KEYS).containsOnly(new StockOutcome.Done(1));
    grid.terminate(victim);

    GridMaps survivor = grid.maps();
    assertThat(victimsKeys)
        .allSatisfy(key -> assertThat(survivor.inventory().get(key).reserved()).isEqualTo(1));
  }
}
