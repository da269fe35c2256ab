package dev.gridcommerce.persistence.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoucherMapStoreTest extends MapStoreContract<String, Voucher> {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  VoucherMapStoreTest() {
    super(VoucherMapStore::new, "vouchers");
  }

  @Override
  protected Map.Entry<String, Voucher> sample(int n) {
    VoucherKind kind = VoucherKind.values()[n % VoucherKind.values().length];
    VoucherTerms terms =
        new VoucherTerms(
            "CODE-" + n,
            kind,
            kind == VoucherKind.PERCENTAGE ? 1000 + n : 0,
            Money.of(kind == VoucherKind.FIXED_AMOUNT ? 500 : 0, "EUR"),
            Money.of(100L * n, "EUR"),
            AT,
            AT.plus(Duration.ofDays(1 + n)),
            10 + n,
            1 + n % 3);
    Voucher voucher = Voucher.of(terms);
    for (int i = 0; i < n % 4; i++) {
      voucher = voucher.hold("o" + n + "-" + i, "s" + i, AT.plusSeconds(600), AT).voucher();
    }
    if (n % 4 > 0) {
      voucher = voucher.redeem("o" + n + "-0", "s0", AT).voucher();
    }
    return Map.entry(terms.code(), voucher);
  }

  @Test
  void anOlderStateNeverReplacesANewerOne() {
    Voucher older = sample(3).getValue();
    Voucher newer = older.release("o3-1", AT).voucher();
    store.store(newer.terms().code(), newer);

    store.store(older.terms().code(), older);

    assertThat(store.load(older.terms().code())).isEqualTo(newer);
  }
}
