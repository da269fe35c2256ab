package dev.gridcommerce.grid.inventory;

import com.hazelcast.map.EntryProcessor;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.domain.inventory.StockKey;
import java.util.Map;

/**
 * A change of one stock entry made by store staff (a receipt, a write-off, a count): like a {@link
 * StockChange}, one step on the partition thread, but it answers the stock levels as the change
 * left them together with the outcome, so staff see the result of their own change and not a later
 * read. The holds stay on the member.
 */
interface StaffStockChange extends EntryProcessor<StockKey, Stock, StockAnswer> {

  StockDecision apply(Stock stock);

  @Override
  default StockAnswer process(Map.Entry<StockKey, Stock> entry) {
    Stock current = entry.getValue() == null ? Stock.of(0) : entry.getValue();
    StockDecision decision = apply(current);
    if (decision.changed(current)) {
      entry.setValue(decision.stock());
    }
    return new StockAnswer(decision.stock().levels(), decision.outcome());
  }
}
