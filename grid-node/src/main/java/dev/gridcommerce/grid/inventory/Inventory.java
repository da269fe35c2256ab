package dev.gridcommerce.grid.inventory;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockLevels;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stock of every dark store: the one door to the {@code inventory} map. Every change is an
 * entry processor on the stock's own key (rule 2), idempotent by the holder or movement id it
 * carries (rule 3), and acknowledged only once its backup has it too (rule 7): several keys at once
 * go key by key in parallel, never by {@code executeOnKeys}, which doesn't wait for backups.
 *
 * <p>Holders are orders (by order id) and, at a store that reserves on add-to-cart, carts ({@link
 * dev.gridcommerce.domain.inventory.Hold#cartHolder}).
 */
public final class Inventory {

  /** Units of one product to hold for a holder until {@code expiresAt}. */
  public record HoldRequest(
      StockKey key, String holderId, int units, Instant expiresAt, String takingFrom) {

    /** Holding available units only (not taking over a cart's). */
    public HoldRequest(StockKey key, String holderId, int units, Instant expiresAt) {
      this(key, holderId, units, expiresAt, null);
    }
  }

  /** A holder's unpaid units of one product to let go. */
  public record Release(StockKey key, String holderId) {}

  /** One product's stock levels at a store. */
  public record Entry(String sku, StockLevels levels) {}

  private final IMap<StockKey, Stock> inventory;
  private final StockChanges changes;
  private final Clock clock;

  public Inventory(HazelcastInstance grid, Clock clock) {
    this.inventory = new GridMaps(grid).inventory();
    this.changes = new StockChanges(inventory);
    this.clock = clock;
  }

  /** The Compact serializers of the inventory's keys, values, processors and answers. */
  public static List<CompactSerializer<?>> serializers() {
    return InventorySerializers.all();
  }

  /** Available units per sku at the store, in one call; a product it doesn't stock has 0. */
  public Map<String, Integer> available(String storeId, Collection<String> skus) {
    Set<StockKey> keys =
        skus.stream().map(sku -> new StockKey(storeId, sku)).collect(Collectors.toSet());
    Map<StockKey, StockLevels> levels = inventory.executeOnKeys(keys, new ReadLevelsProcessor());
    Map<String, Integer> available = new LinkedHashMap<>();
    for (String sku : skus) {
      StockLevels entry = levels.get(new StockKey(storeId, sku));
      available.put(sku, entry == null ? 0 : entry.available());
    }
    return available;
  }

  /** A page of the store's stock, by sku, optionally only the skus starting with a prefix. */
  public Page<Entry> stockAt(String storeId, String skuPrefix, int page, int size) {
    Predicate<StockKey, Stock> atStore = Predicates.equal("__key.storeId", storeId);
    Predicate<StockKey, Stock> query =
        skuPrefix == null
            ? atStore
            : Predicates.and(
                atStore, Predicates.like("__key.sku", skuPrefix.replace("%", "") + "%"));
    List<Entry> entries =
        inventory.executeOnEntries(new ReadLevelsProcessor(), query).entrySet().stream()
            .filter(entry -> entry.getValue() != null)
            .map(entry -> new Entry(entry.getKey().sku(), entry.getValue()))
            .sorted(Comparator.comparing(Entry::sku))
            .toList();
    return Page.of(entries, page, size);
  }

  /**
   * Receives ({@code delta > 0}) or writes off ({@code delta < 0}) units with a reason, booked in
   * the ledger once per movement id; answers the stock levels as the change left them.
   */
  public StockAnswer adjust(
      StockKey key,
      String movementId,
      int delta,
      MovementReason reason,
      String note,
      String actor) {
    return inventory.executeOnKey(
        key, new AdjustStockProcessor(movementId, delta, reason, note, actor, clock.instant()));
  }

  /**
   * A stocktake count, made against the stock's {@code onHandVersion}; answers the levels after.
   */
  public StockAnswer count(
      StockKey key,
      String movementId,
      int counted,
      long expectedOnHandVersion,
      String note,
      String actor) {
    return inventory.executeOnKey(
        key,
        new CountStockProcessor(
            movementId, counted, expectedOnHandVersion, note, actor, clock.instant()));
  }

  /** Holds every request, all at once; answers each one's outcome, in the same order. */
  public List<StockOutcome> holdAll(List<HoldRequest> holds) {
    return changes.applyAll(
        holds.stream()
            .map(hold ->
                new StockChanges.Keyed(
                    hold.key(),
                    new HoldStockProcessor(
                        hold.holderId(), hold.units(), hold.expiresAt(), hold.takingFrom())))
            .toList());
  }

  /** Lets go of every release's unpaid units; sold units are never released. */
  public List<StockOutcome> releaseAll(List<Release> releases) {
    return changes.applyAll(
        releases.stream()
            .map(release ->
                new StockChanges.Keyed(release.key(), new ReleaseHoldProcessor(release.holderId())))
            .toList());
  }

  /** Lets go of what one holder holds unpaid of each of the keys. */
  public void release(String holderId, Collection<StockKey> keys) {
    changes.applyToEach(keys, new ReleaseHoldProcessor(holderId));
  }

  /**
   * Moves everything {@code fromHolder} holds unpaid of each key to {@code toHolder}, with a new
   * expiry, with no moment in between when another shopper could take the units.
   */
  public void moveHeld(
      Collection<StockKey> keys, String fromHolder, String toHolder, Instant expiresAt) {
    changes.applyToEach(keys, new MoveHeldProcessor(fromHolder, toHolder, expiresAt));
  }

  /** Sets what a holder holds of one product to exactly {@code units} (0 lets go). */
  public StockOutcome holdExactly(StockKey key, String holderId, int units, Instant expiresAt) {
    return changes
        .applyAll(
            List.of(new StockChanges.Keyed(key, new HoldCartProcessor(holderId, units, expiresAt))))
        .getFirst();
  }

  /** Sells each product's units to the order (its held ones, else available ones): in order. */
  public List<StockOutcome> sell(String orderId, Map<StockKey, Integer> units) {
    return changes.applyAll(
        units.entrySet().stream()
            .map(entry ->
                new StockChanges.Keyed(
                    entry.getKey(), new SellProcessor(orderId, entry.getValue())))
            .toList());
  }

  /** Returns the order's sold units of each key to available stock (cancelled before dispatch). */
  public List<StockOutcome> returnSold(String orderId, List<StockKey> keys) {
    return changes.applyAll(
        keys.stream()
            .map(key -> new StockChanges.Keyed(key, new ReturnSoldProcessor(orderId)))
            .toList());
  }

  /**
   * Keeps only the given units of the order's sold units of each key (lines short at picking): the
   * rest go back to available stock.
   */
  public List<StockOutcome> keepSold(String orderId, Map<StockKey, Integer> units) {
    return changes.applyAll(
        units.entrySet().stream()
            .map(entry ->
                new StockChanges.Keyed(
                    entry.getKey(), new KeepSoldProcessor(orderId, entry.getValue())))
            .toList());
  }

  /**
   * The order's dispatched units of each key come back on hand (its delivery failed), booked in the
   * ledger as a customer return once per order.
   */
  public List<StockOutcome> returnDelivered(
      String orderId, Map<StockKey, Integer> units, Instant at) {
    return changes.applyAll(
        units.entrySet().stream()
            .filter(entry -> entry.getValue() > 0)
            .map(entry ->
                new StockChanges.Keyed(
                    entry.getKey(), new ReturnDeliveredProcessor(orderId, entry.getValue(), at)))
            .toList());
  }

  /** The order's sold units leave each store shelf with the courier, booked in the ledger. */
  public List<StockOutcome> dispatch(String orderId, List<StockKey> keys, Instant at) {
    return changes.applyAll(
        keys.stream()
            .map(key -> new StockChanges.Keyed(key, new DispatchProcessor(orderId, at)))
            .toList());
  }

  /**
   * The holders of unpaid holds that expired at {@code now}, each with the stock entries it holds,
   * found by one read-only pass over the entries in which each looks only at its earliest unpaid
   * expiry, and lists its due holds when that has come: what an entry costs does not grow with its
   * holds.
   */
  public Map<String, List<StockKey>> expiredHolds(Instant now) {
    Map<StockKey, String[]> expired =
        inventory.executeOnEntries(new FindExpiredHoldsProcessor(now));
    Map<String, List<StockKey>> keysByHolder = new HashMap<>();
    expired.forEach((key, holders) -> {
      for (String holder : holders) {
        keysByHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(key);
      }
    });
    return keysByHolder;
  }

  /** Puts stock on the shelves of entries that have none yet (a new store, the demo's seed). */
  public void stockUp(Map<StockKey, Integer> onHand) {
    Map<StockKey, Stock> chunk = new HashMap<>();
    for (Map.Entry<StockKey, Integer> entry : onHand.entrySet()) {
      chunk.put(entry.getKey(), Stock.of(entry.getValue()));
      if (chunk.size() == 1_000) {
        putMissing(chunk);
      }
    }
    putMissing(chunk);
  }

  private void putMissing(Map<StockKey, Stock> chunk) {
    Set<StockKey> present = inventory.getAll(chunk.keySet()).keySet();
    present.forEach(chunk::remove);
    inventory.putAll(chunk);
    chunk.clear();
  }
}
