package dev.gridcommerce.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.fixtures.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked baskets at a German store (7 % reduced, 19 % standard) charging 2.99 EUR delivery,
 * free from 30.00 EUR, and 1.50 EUR below a 12.00 EUR basket. Each expected figure is worked out in
 * the comment beside it.
 */
class PricingTest {

  private static final DarkStore STORE = Stores.withFees("berlin");
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private static PricedLine line(String sku, int quantity, long unitPrice, TaxClass taxClass) {
    return new PricedLine(sku, quantity, eur(unitPrice), taxClass);
  }

  private static Money eur(long cents) {
    return Money.of(cents, "EUR");
  }

  private static Voucher voucher(VoucherKind kind, int percent, long amountOff, long minimum) {
    return Voucher.of(
        new VoucherTerms(
            "save-it",
            kind,
            percent,
            eur(amountOff),
            eur(minimum),
            NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)),
            100,
            1));
  }

  private static Quote price(List<PricedLine> lines, Voucher voucher) {
    return Pricing.price(lines, STORE, voucher, "shopper-1", NOW);
  }

  @Test
  void aSmallBasketPaysTheDeliveryFeeAndTheSmallBasketFeeAndEachLineShowsItsTax() {
    Quote quote =
        price(
            List.of(
                line("FRU-00001", 3, 199, TaxClass.REDUCED), // 5.97
                line("HOU-00001", 1, 499, TaxClass.STANDARD)), // 4.99
            null);

    PriceBreakdown price = quote.breakdown();
    assertThat(price.subtotal()).isEqualTo(eur(1096));
    assertThat(price.discount()).isEqualTo(eur(0));
    assertThat(price.deliveryFee()).isEqualTo(eur(299)); // 10.96 < 30.00
    assertThat(price.smallBasketFee()).isEqualTo(eur(150)); // 10.96 < 12.00
    assertThat(price.total()).isEqualTo(eur(1096 + 299 + 150));
    // 597 x 7/107 = 39.06 -> 39; 499 x 19/119 = 79.67 -> 80
    assertThat(quote.lines()).extracting(LinePrice::tax).containsExactly(eur(39), eur(80));
    assertThat(quote.lines()).extracting(LinePrice::taxRateBasisPoints).containsExactly(700, 1900);
    // fees at 19 %: 299 x 19/119 = 47.74 -> 48; 150 x 19/119 = 23.95 -> 24
    assertThat(price.tax()).isEqualTo(eur(39 + 80 + 48 + 24));
  }

  @Test
  void aPercentageIsRoundedHalfEvenAndSharedAmongTheLinesBeforeTheirTax() {
    Quote quote =
        price(
            List.of(
                line("FRU-00001", 5, 269, TaxClass.REDUCED), // 13.45
                line("HOU-00001", 1, 2100, TaxClass.STANDARD)), // 21.00
            voucher(VoucherKind.PERCENTAGE, 1000, 0, 0));

    PriceBreakdown price = quote.breakdown();
    assertThat(price.subtotal()).isEqualTo(eur(3445));
    assertThat(price.discount()).isEqualTo(eur(344)); // 344.5 -> 344, the even neighbour
    assertThat(price.deliveryFee()).isEqualTo(eur(0)); // 31.01 >= 30.00
    assertThat(price.smallBasketFee()).isEqualTo(eur(0));
    assertThat(price.total()).isEqualTo(eur(3101));
    // shares: 344 x 1345/3445 = 134.31 -> 134, 344 x 2100/3445 = 209.70 -> 209, the unit left to
    // the larger remainder: 134 and 210
    assertThat(quote.lines()).extracting(LinePrice::discount).containsExactly(eur(134), eur(210));
    // (1345 - 134) x 7/107 = 79.22 -> 79; (2100 - 210) x 19/119 = 301.76 -> 302
    assertThat(quote.lines()).extracting(LinePrice::tax).containsExactly(eur(79), eur(302));
    assertThat(price.tax()).isEqualTo(eur(381));
    assertThat(quote.voucher()).isEqualTo(new VoucherVerdict("SAVE-IT", true, eur(344), null));
    assertThat(quote.appliedVoucher()).isEqualTo("SAVE-IT");
  }

  @Test
  void halfACentRoundsToTheEvenCent() {
    Voucher tenPercent = voucher(VoucherKind.PERCENTAGE, 1000, 0, 0);

    // 355.5 -> 356 (356 is even)
    assertThat(
            price(List.of(line("HOU-00001", 1, 3555, TaxClass.STANDARD)), tenPercent)
                .breakdown()
                .discount())
        .isEqualTo(eur(356));
    assertThat(Pricing.taxContained(eur(0), 1900)).isEqualTo(eur(0));
  }

  @Test
  void aFixedAmountComesOffTheGoodsAndTheFeeFollowsTheGoodsAfterIt() {
    Quote quote =
        price(
            List.of(line("HOU-00001", 1, 2500, TaxClass.STANDARD)),
            voucher(VoucherKind.FIXED_AMOUNT, 0, 500, 2000));

    PriceBreakdown price = quote.breakdown();
    assertThat(price.discount()).isEqualTo(eur(500));
    assertThat(price.deliveryFee()).isEqualTo(eur(299)); // 20.00 < 30.00
    assertThat(price.total()).isEqualTo(eur(2000 + 299));
    // 2000 x 19/119 = 319.33 -> 319; fee 48
    assertThat(price.tax()).isEqualTo(eur(319 + 48));
  }

  @Test
  void aFixedAmountLargerThanTheGoodsTakesOffOnlyTheGoods() {
    PriceBreakdown price =
        price(
                List.of(line("HOU-00001", 1, 2500, TaxClass.STANDARD)),
                voucher(VoucherKind.FIXED_AMOUNT, 0, 5000, 0))
            .breakdown();

    assertThat(price.discount()).isEqualTo(eur(2500));
    assertThat(price.total()).isEqualTo(eur(299 + 150)); // fees are never discounted
    assertThat(price.tax()).isEqualTo(eur(48 + 24));
  }

  @Test
  void freeDeliveryWaivesTheDeliveryFeeButNotTheSmallBasketFee() {
    Voucher free = voucher(VoucherKind.FREE_DELIVERY, 0, 0, 0);

    Quote fifteen = price(List.of(line("HOU-00001", 1, 1500, TaxClass.STANDARD)), free);
    assertThat(fifteen.breakdown().deliveryFee()).isEqualTo(eur(0));
    assertThat(fifteen.breakdown().total()).isEqualTo(eur(1500));
    assertThat(fifteen.breakdown().tax()).isEqualTo(eur(239)); // 1500 x 19/119 = 239.50 -> 239
    assertThat(fifteen.voucher().saving()).isEqualTo(eur(299));

    Quote ten = price(List.of(line("HOU-00001", 1, 1000, TaxClass.STANDARD)), free);
    assertThat(ten.breakdown().total()).isEqualTo(eur(1000 + 150));

    Quote forty = price(List.of(line("HOU-00001", 1, 4000, TaxClass.STANDARD)), free);
    assertThat(forty.voucher().applied()).isTrue();
    assertThat(forty.voucher().saving()).isEqualTo(eur(0)); // delivery was free already
  }

  @Test
  void aVoucherThatDoesNotApplySaysWhyAndTakesNothingOff() {
    List<PricedLine> lines = List.of(line("HOU-00001", 1, 1500, TaxClass.STANDARD));

    Quote belowMinimum = price(lines, voucher(VoucherKind.FIXED_AMOUNT, 0, 500, 2000));
    assertThat(belowMinimum.voucher().applied()).isFalse();
    assertThat(belowMinimum.voucher().reason())
        .isEqualTo("this voucher needs a basket of at least 20.00 EUR; add 5.00 EUR");
    assertThat(belowMinimum.breakdown().discount()).isEqualTo(eur(0));
    assertThat(belowMinimum.appliedVoucher()).isNull();

    Voucher later = voucher(VoucherKind.PERCENTAGE, 1000, 0, 0);
    assertThat(Pricing.price(lines, STORE, later, "s", NOW.plus(Duration.ofDays(2))).voucher())
        .extracting(VoucherVerdict::reason)
        .asString()
        .startsWith("this voucher expired at");
    assertThat(Pricing.price(lines, STORE, later, "s", NOW.minus(Duration.ofDays(2))).voucher())
        .extracting(VoucherVerdict::reason)
        .asString()
        .startsWith("this voucher is valid from");

    Voucher usedUp =
        later.hold("order-1", "shopper-1", NOW.plus(Duration.ofMinutes(10)), NOW).voucher();
    assertThat(price(lines, usedUp).voucher().reason())
        .isEqualTo("you have already used this voucher");
  }

  @Test
  void aVoucherInAnotherCurrencyDoesNotApply() {
    Voucher crowns =
        Voucher.of(
            new VoucherTerms(
                "KRONA",
                VoucherKind.FIXED_AMOUNT,
                0,
                Money.of(500, "SEK"),
                Money.zero("SEK"),
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1)),
                10,
                1));

    Quote quote = price(List.of(line("HOU-00001", 1, 1500, TaxClass.STANDARD)), crowns);

    assertThat(quote.voucher().reason()).isEqualTo("this voucher is for baskets in SEK");
    assertThat(quote.breakdown().total()).isEqualTo(eur(1500 + 299));
  }

  @Test
  void anEmptyBasketCostsNothingAndPaysNoFees() {
    assertThat(price(List.of(), null).breakdown().total()).isEqualTo(eur(0));
  }

  @Test
  void aLineInAnotherCurrencyThanTheStoresIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            price(
                List.of(new PricedLine("FRU-00001", 1, Money.of(199, "USD"), TaxClass.STANDARD)),
                null));
  }

  @Test
  void aBreakdownWhoseTotalDoesNotAddUpIsRefused() {
    Money ten = eur(10);
    Money zero = eur(0);

    assertThat(new PriceBreakdown(ten, zero, ten, ten, zero, eur(30)).total()).isEqualTo(eur(30));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PriceBreakdown(ten, zero, zero, zero, zero, eur(11)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PriceBreakdown(ten, eur(20), zero, zero, zero, eur(-10)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PriceBreakdown(ten, zero, zero, zero, eur(11), ten));
  }
}
