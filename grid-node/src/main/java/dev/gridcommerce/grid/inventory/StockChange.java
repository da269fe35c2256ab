package dev.gridcommerce.grid.inventory;

import com.hazelcast.map.EntryProcessor;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockOutcome;
import java.util.Map;

/**
 * An entry processor that changes one stock entry by a domain function of {@link Stock} and answers
 * what the change came to.
 *
 * <p>Runs on the partition thread of the member that owns the key, so the check and the change are
 * one step: no other change of that stock can come in between, and no lock is held across a network
 * call. The backup replica runs the same processor on its copy; every input (times and ids
 * included) travels with the processor rather than being read on the member, so both replicas reach
 * the same state. A key with no stock entry is treated as zero units; the entry is created only
 * when the change adds something (a delivery, a count).
 */
interface StockChange extends EntryProcessor<StockKey, Stock, StockOutcome> {

  StockDecision apply(Stock stock);

  @Override
  default StockOutcome process(Map.Entry<StockKey, Stock> entry) {
    Stock current = entry.getValue() == null ? Stock.of(0) : entry.getValue();
    StockDecision decision = apply(current);
    if (decision.changed(current)) {
      entry.setValue(decision.stock());
    }
    return decision.outcome();
  }
}
