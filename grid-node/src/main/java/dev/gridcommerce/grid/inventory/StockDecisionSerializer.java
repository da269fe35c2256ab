package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.StockDecision;
import dev.gridcommerce.grid.support.NamedSerializer;

/** The answer of a staff change: the stock after it and the outcome (any of its kinds). */
final class StockDecisionSerializer extends NamedSerializer<StockDecision> {

  StockDecisionSerializer() {
    super("commerce.StockDecision", StockDecision.class);
  }

  @Override
  public StockDecision read(CompactReader in) {
    return new StockDecision(in.readCompact("stock"), in.readCompact("outcome"));
  }

  @Override
  public void write(CompactWriter out, StockDecision decision) {
    out.writeCompact("stock", decision.stock());
    out.writeCompact("outcome", decision.outcome());
  }
}
