package dev.gridcommerce.api.inventory;

import dev.gridcommerce.api.account.Caller;
import dev.gridcommerce.api.web.ApiProblem;
import dev.gridcommerce.api.web.KnownStores;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.support.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
 * A dark store's stock for its staff (the security layer lets only them, and admins, in): list it,
 * receive and write off units with a reason, and record stocktake counts. Every change is one entry
 * processor on the product's stock, lands in the stock-movement ledger, and answers the stock as
 * that very change left it.
 */
@RestController
@RequestMapping("/api/v1/stores/{storeId}/stock")
class StoreStockController {

  static final int MAX_PAGE_SIZE = 200;

  private final Inventory inventory;
  private final Catalog catalog;

  StoreStockController(Inventory inventory, Catalog catalog) {
    this.inventory = inventory;
    this.catalog = catalog;
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
      @NotNull @Min(0) Long expectedVersion,
      @Size(max = 500) String note) {}

  record Adjusted(String movementId, StockView stock) {}

  @GetMapping
  StockPage stock(
      @PathVariable String storeId,
      @RequestParam(required = false) @Size(max = 40) String sku,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
    requireStore(storeId);
    Page<Inventory.Entry> entries = inventory.stockAt(storeId, sku, page, size);
    return new StockPage(
        entries.total(),
        page,
        size,
        entries.items().stream().map(entry -> StockView.of(entry.sku(), entry.levels())).toList());
  }

  @PostMapping("/{sku}/adjustments")
  Adjusted adjust(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @PathVariable String sku,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Adjustment adjustment) {
    StockKey key = stockKey(storeId, sku);
    if (!adjustment.reason().isManualAdjustment()) {
      throw ApiProblem.invalid(
          "reason", adjustment.reason() + " is booked by its own flow, not by hand");
    }
    if (!adjustment.reason().fits(adjustment.delta())) {
      throw ApiProblem.invalid("delta", adjustment.reason().directionRule());
    }
    String movementId = movementId(caller, idempotencyKey);
    StockAnswer decision =
        inventory.adjust(
            key,
            movementId,
            adjustment.delta(),
            adjustment.reason(),
            adjustment.note(),
            caller.userId());
    return new Adjusted(movementId, answer(sku, decision));
  }

  @PutMapping("/{sku}")
  StockView count(
      @AuthenticationPrincipal Caller caller,
      @PathVariable String storeId,
      @PathVariable String sku,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody Count count) {
    StockKey key = stockKey(storeId, sku);
    return answer(
        sku,
        inventory.count(
            key,
            movementId(caller, idempotencyKey),
            count.onHand(),
            count.expectedVersion(),
            count.note(),
            caller.userId()));
  }

  /** The stock as the change left it, or the problem that stopped the change. */
  private static StockView answer(String sku, StockAnswer decision) {
    switch (decision.outcome()) {
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
    return StockView.of(sku, decision.levels());
  }

  private void requireStore(String storeId) {
    KnownStores.require(catalog, storeId);
  }

  private StockKey stockKey(String storeId, String sku) {
    requireStore(storeId);
    if (!catalog.sells(sku)) {
      throw ApiProblem.notFound("no product has the sku '" + sku + "'");
    }
    return new StockKey(storeId, sku);
  }

  /** With an Idempotency-Key, a retried request names the same movement and is applied once. */
  private static String movementId(Caller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return UUID.randomUUID().toString();
    }
    if (!IdempotencyKey.isValid(idempotencyKey)) {
      throw ApiProblem.invalid(
          "Idempotency-Key",
          "must be 1 to " + IdempotencyKey.MAX_LENGTH + " visible ASCII characters");
    }
    return new IdempotencyKey(caller.userId(), idempotencyKey).derivedId();
  }
}
