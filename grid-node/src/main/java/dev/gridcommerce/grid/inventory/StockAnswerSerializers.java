package dev.gridcommerce.grid.inventory;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.inventory.StockAnswer;
import dev.gridcommerce.domain.inventory.StockLevels;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.List;

/** The small answers that leave the member instead of a whole stock entry with its holds. */
final class StockAnswerSerializers {

  private StockAnswerSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(new Levels(), new Answer());
  }

  static final class Levels extends NamedSerializer<StockLevels> {
    Levels() {
      super("commerce.StockLevels", StockLevels.class);
    }

    @Override
    public StockLevels read(CompactReader in) {
      return new StockLevels(
          in.readInt32("onHand"),
          in.readInt32("reserved"),
          in.readInt32("sold"),
          in.readInt64("onHandVersion"));
    }

    @Override
    public void write(CompactWriter out, StockLevels levels) {
      out.writeInt32("onHand", levels.onHand());
      out.writeInt32("reserved", levels.reserved());
      out.writeInt32("sold", levels.sold());
      out.writeInt64("onHandVersion", levels.onHandVersion());
    }
  }

  static final class Answer extends NamedSerializer<StockAnswer> {
    Answer() {
      super("commerce.StockAnswer", StockAnswer.class);
    }

    @Override
    public StockAnswer read(CompactReader in) {
      return new StockAnswer(in.readCompact("levels"), in.readCompact("outcome"));
    }

    @Override
    public void write(CompactWriter out, StockAnswer answer) {
      out.writeCompact("levels", answer.levels());
      out.writeCompact("outcome", answer.outcome());
    }
  }
}
