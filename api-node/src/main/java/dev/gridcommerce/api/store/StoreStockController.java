package dev.gridcommerce.api.store;

import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.inventory.AdjustStockProcessor;
import dev.gridcommerce.grid.inventory.CountStockProcessor;
import dev.gridcommerce.grid.inventory.StockChange;
import dev.gridcommerce.grid.support.GridMaps;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dark store's stock for its staff: list it, receive and write off units with a reason, and
 * record stocktake counts. Every change is one entry processor on the product's stock and lands in
 * the stock-movement ledger.
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class StoreStockController {

  static final int MAX_PAGE_SIZE = 200;

  private final GridMaps maps;
  private final StoreAccess access;
  private final Clock clock;

  StoreStockController(GridMaps maps, StoreAccess access, Clock clock) {
    this.maps = maps;
    this.access = access;
    this.clock = clock;
  }

  record StockPage(long total, int page, int size, List<StockView> items) {}

  /**
   * @param delta units received (positive) or written off (negative)
   * @param reason DELIVERY or CUSTOMER_RETURN add units; DAMAGED, EXPIRED, LOST take them away;
   *     CORRECTION either
   */
  record Adjustment(
      @NotNull @Min(-100_000) @Max(100_000) Integer delta,
      @NotNull MovementReason reason,
      @Size(max = 500) String note) {}

  record Count(
      @NotNull @Min(0) @Max(1_000_000) Integer onHand,
      @NotNull Long expectedVersion,
      @Size(max = 500) String note) {}

  record Adjusted(String movementId, StockView stock) {}

  @GetMapping
  StockPage stock(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @RequestParam(required = false) @Size(max = 40) String sku,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
    access.require(caller, storeId);
    Predicate<StockKey, Stock> atStore = Predicates.equal("__key.storeId", storeId);
    Predicate<StockKey, Stock> query =
        sku == null
            ? atStore
            : Predicates.and(atStore, Predicates.like("__key.sku", sku.replace("%", "") + "%"));
    List<Map.Entry<StockKey, Stock>> entries =
        maps.inventory().entrySet(query).stream()
            .sorted(Comparator.comparing(entry -> entry.getKey().sku()))
            .toList();
    List<StockView> items =
        entries.stream()
            .skip((long) page * size)
            .limit(size)
            .map(entry -> StockView.of(entry.getKey().sku(), entry.getValue()))
            .toList();
    return new StockPage(entries.size(), page, size, items);
  }

  @PostMapping("/{sku}/adjustments")
  Adjusted adjust(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @PathVariable String sku,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Adjustment adjustment) {
    access.require(caller, storeId);
    requireProduct(sku);
    if (!adjustment.reason().isManualAdjustment()) {
      throw ApiProblem.invalid(
          "reason", adjustment.reason() + " is booked by its own flow, not by hand");
    }
    try {
      adjustment.reason().requireFits(adjustment.delta());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid("delta", e.getMessage());
    }
    String movementId = movementId(caller, idempotencyKey);
    StockChange change =
        new AdjustStockProcessor(
            movementId,
            adjustment.delta(),
            adjustment.reason(),
            adjustment.note(),
            caller.userId(),
            clock.instant());
    return new Adjusted(movementId, apply(storeId, sku, change));
  }

  @PutMapping("/{sku}")
  StockView count(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @PathVariable String sku,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Count count) {
    access.require(caller, storeId);
    requireProduct(sku);
    return apply(
        storeId,
        sku,
        new CountStockProcessor(
            movementId(caller, idempotencyKey),
            count.onHand(),
            count.expectedVersion(),
            count.note(),
            caller.userId(),
            clock.instant()));
  }

  private StockView apply(String storeId, String sku, StockChange change) {
    StockKey key = new StockKey(storeId, sku);
    StockOutcome outcome = maps.inventory().executeOnKey(key, change);
    switch (outcome) {
      case StockOutcome.Done done -> {}
      case StockOutcome.ShortOf shortOf ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "insufficient-stock",
              "Would leave too few units",
              "only " + shortOf.available() + " units are available; the rest are held for orders",
              Map.of("available", shortOf.available()));
      case StockOutcome.VersionConflict conflict ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "stale-count",
              "Stock changed since it was read",
              "the units on hand changed since version "
                  + conflict.expectedVersion()
                  + "; read the stock again and recount",
              Map.of("currentVersion", conflict.currentVersion()));
      case StockOutcome.BelowReserved below ->
          throw new ApiProblem(
              HttpStatus.CONFLICT,
              "count-below-reserved",
              "Count below reserved units",
              below.reserved()
                  + " units are promised to orders, more than the "
                  + below.counted()
                  + " counted",
              Map.of("reserved", below.reserved()));
    }
    Stock stock = maps.inventory().get(key);
    return StockView.of(sku, stock == null ? Stock.of(0) : stock);
  }

  private void requireProduct(String sku) {
    if (!Product.isValidSku(sku) || !maps.products().containsKey(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
  }

  /** With an Idempotency-Key, a retried request names the same movement and is applied once. */
  private static String movementId(Caller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return UUID.randomUUID().toString();
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw ApiProblem.invalid("Idempotency-Key", "must be 1 to 255 characters");
    }
    return UUID.nameUUIDFromBytes(
            (caller.userId() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
