package dev.gridcommerce.grid.pricing;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.domain.pricing.VoucherUse;
import dev.gridcommerce.grid.support.NamedSerializer;
import java.util.ArrayList;
import java.util.List;

/** A voucher with its terms and its uses, the uses as parallel columns. */
final class VoucherSerializer extends NamedSerializer<Voucher> {

  VoucherSerializer() {
    super("commerce.Voucher", Voucher.class);
  }

  @Override
  public Voucher read(CompactReader in) {
    String currency = in.readString("currency");
    VoucherTerms terms =
        new VoucherTerms(
            in.readString("code"),
            VoucherKind.valueOf(in.readString("kind")),
            in.readInt32("percentBasisPoints"),
            Money.of(in.readInt64("amountOffMinor"), currency),
            Money.of(in.readInt64("minimumBasketMinor"), currency),
            instant(in.readInt64("validFrom")),
            instant(in.readInt64("validUntil")),
            in.readInt32("maxRedemptions"),
            in.readInt32("maxPerShopper"));
    String[] orderIds = in.readArrayOfString("useOrderIds");
    String[] shopperIds = in.readArrayOfString("useShopperIds");
    long[] expiries = in.readArrayOfInt64("useExpiresAt");
    boolean[] redeemed = in.readArrayOfBoolean("useRedeemed");
    List<VoucherUse> uses = new ArrayList<>(orderIds.length);
    for (int i = 0; i < orderIds.length; i++) {
      uses.add(new VoucherUse(orderIds[i], shopperIds[i], instant(expiries[i]), redeemed[i]));
    }
    return new Voucher(terms, uses, in.readInt64("version"));
  }

  @Override
  public void write(CompactWriter out, Voucher voucher) {
    VoucherTerms terms = voucher.terms();
    out.writeString("code", terms.code());
    out.writeString("kind", terms.kind().name());
    out.writeInt32("percentBasisPoints", terms.percentBasisPoints());
    out.writeString("currency", terms.currency());
    out.writeInt64("amountOffMinor", terms.amountOff().amountMinor());
    out.writeInt64("minimumBasketMinor", terms.minimumBasket().amountMinor());
    out.writeInt64("validFrom", millis(terms.validFrom()));
    out.writeInt64("validUntil", millis(terms.validUntil()));
    out.writeInt32("maxRedemptions", terms.maxRedemptions());
    out.writeInt32("maxPerShopper", terms.maxPerShopper());
    List<VoucherUse> uses = voucher.uses();
    int n = uses.size();
    String[] orderIds = new String[n];
    String[] shopperIds = new String[n];
    long[] expiries = new long[n];
    boolean[] redeemed = new boolean[n];
    for (int i = 0; i < n; i++) {
      VoucherUse use = uses.get(i);
      orderIds[i] = use.orderId();
      shopperIds[i] = use.shopperId();
      expiries[i] = millis(use.expiresAt());
      redeemed[i] = use.redeemed();
    }
    out.writeArrayOfString("useOrderIds", orderIds);
    out.writeArrayOfString("useShopperIds", shopperIds);
    out.writeArrayOfInt64("useExpiresAt", expiries);
    out.writeArrayOfBoolean("useRedeemed", redeemed);
    out.writeInt64("version", voucher.version());
  }
}
