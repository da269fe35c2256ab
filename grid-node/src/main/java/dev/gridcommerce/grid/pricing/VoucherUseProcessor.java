package dev.gridcommerce.grid.pricing;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * Holds, redeems, releases or gives back one order's use of a voucher, and answers why it was
 * refused (null: done, now or by an earlier identical request). Runs on the partition thread that
 * owns the voucher, so a crowd racing for its last use is served one at a time and the limits hold;
 * every change is idempotent by order id, so the backup (which runs the same processor with the
 * same time) and any retry change nothing twice. A voucher that was deleted has nothing to release
 * or redeem: those are done; a hold of it is refused.
 */
record VoucherUseProcessor(
    Operation operation, String orderId, String shopperId, Instant expiresAt, Instant now)
    implements EntryProcessor<String, Voucher, String> {

  enum Operation {
    HOLD,
    REDEEM,
    RELEASE,
    GIVE_BACK
  }

  static final String NO_SUCH_VOUCHER = "no voucher has this code";

  @Override
  public String process(Map.Entry<String, Voucher> entry) {
    Voucher voucher = entry.getValue();
    if (voucher == null) {
      return operation == Operation.HOLD ? NO_SUCH_VOUCHER : null;
    }
    Voucher.Change change =
        switch (operation) {
          case HOLD -> voucher.hold(orderId, shopperId, expiresAt, now);
          case REDEEM -> voucher.redeem(orderId, shopperId, now);
          case RELEASE -> voucher.release(orderId, now);
          case GIVE_BACK -> voucher.giveBack(orderId, now);
        };
    if (change.voucher() != voucher) {
      entry.setValue(change.voucher());
    }
    return change.refusal().orElse(null);
  }

  static final class Serializer extends NamedSerializer<VoucherUseProcessor> {

    Serializer() {
      super("commerce.VoucherUseProcessor", VoucherUseProcessor.class);
    }

    @Override
    public VoucherUseProcessor read(CompactReader in) {
      return new VoucherUseProcessor(
          Operation.valueOf(in.readString("operation")),
          in.readString("orderId"),
          in.readString("shopperId"),
          instant(in.readInt64("expiresAt")),
          instant(in.readInt64("now")));
    }

    @Override
    public void write(CompactWriter out, VoucherUseProcessor processor) {
      out.writeString("operation", processor.operation().name());
      out.writeString("orderId", processor.orderId());
      out.writeString("shopperId", processor.shopperId());
      out.writeInt64("expiresAt", millis(processor.expiresAt()));
      out.writeInt64("now", millis(processor.now()));
    }
  }
}
