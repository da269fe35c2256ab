package dev.gridcommerce.grid.pricing;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.domain.pricing.VoucherKind;
import dev.gridcommerce.domain.pricing.VoucherTerms;
import dev.gridcommerce.domain.pricing.VoucherUse;
import dev.gridcommerce.grid.testing.SerializationRoundTrip;
import java.util.List;
import java.util.stream.Stream;

class VoucherSerializationTest extends SerializationRoundTrip {

  @Override
  protected Stream<Object> samples() {
    VoucherTerms terms =
        new VoucherTerms(
            "WELCOME5",
            VoucherKind.FIXED_AMOUNT,
            0,
            Money.of(500, "EUR"),
            Money.of(2000, "EUR"),
            AT,
            AT.plusSeconds(86_400),
            100,
            2);
    return Stream.of(
        new Voucher(
            terms,
            List.of(
                new VoucherUse("o1", "s1", AT.plusSeconds(600), false),
                new VoucherUse("o2", "s2", AT, true)),
            7),
        Voucher.of(terms),
        new VoucherUseProcessor(
            VoucherUseProcessor.Operation.HOLD, "o3", "s3", AT.plusSeconds(600), AT));
  }
}
