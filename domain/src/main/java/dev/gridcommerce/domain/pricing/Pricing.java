package dev.gridcommerce.domain.pricing;

import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.DeliveryTerms;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.catalog.TaxClass;
import dev.gridcommerce.domain.catalog.TaxRates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The one pricing function: cart views, checkout and orders all price through here.
 *
 * <p>Prices include VAT, in the store's currency. The rules, in order:
 *
 * <ol>
 *   <li>subtotal: the sum of the lines (unit price times quantity);
 *   <li>discount: at most one voucher per basket, taken off the goods only (never off fees): a
 *       percentage of the subtotal rounded half-even to the minor unit, or a fixed amount capped at
 *       the subtotal; a free-delivery voucher takes nothing off the goods and waives the delivery
 *       fee;
 *   <li>delivery fee: the store's fee, waived when the goods after the discount reach the store's
 *       free-delivery threshold; small-basket fee: charged when the goods after the discount are
 *       below the store's minimum basket;
 *   <li>tax: the discount is shared among the lines in proportion to their totals (whole minor
 *       units, the remainder to the largest fractions, earlier lines first on a tie); each line's
 *       VAT is what its total after its share contains at its class's rate in the store's country,
 *       {@code amount × rate / (1 + rate)}, rounded half-even per line; each fee is a line at the
 *       standard rate; the tax is the sum of those lines.
 * </ol>
 */
public final class Pricing {

  private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

  private Pricing() {}

  /** The basket at the store without a voucher. */
  public static Quote price(List<PricedLine> lines, DarkStore store) {
    return price(lines, store, null, null, Instant.EPOCH);
  }

  /**
   * The basket at the store with the voucher (null: none), as {@code shopperId} would pay it at
   * {@code now}. A line priced in another currency than the store's is a broken catalog, refused
   * with an {@link IllegalArgumentException}.
   */
  public static Quote price(
      List<PricedLine> lines, DarkStore store, Voucher voucher, String shopperId, Instant now) {
    String currency = store.currency();
    Money zero = Money.zero(currency);
    Money subtotal = zero;
    for (PricedLine line : lines) {
      subtotal = subtotal.plus(line.total());
    }
    VoucherVerdict verdict = voucher == null ? null : verdict(voucher, subtotal, shopperId, now);
    VoucherKind applied = verdict != null && verdict.applied() ? voucher.terms().kind() : null;
    Money discount = applied == null ? zero : discount(voucher.terms(), subtotal);
    Money goods = subtotal.minus(discount);
    DeliveryTerms terms = store.deliveryTerms();
    boolean anything = !lines.isEmpty();
    Money fee = anything && !freeDelivery(terms, goods) ? terms.fee() : zero;
    if (applied == VoucherKind.FREE_DELIVERY) {
      verdict = new VoucherVerdict(verdict.code(), true, fee, null);
      fee = zero;
    } else if (applied != null) {
      verdict = new VoucherVerdict(verdict.code(), true, discount, null);
    }
    Money smallBasketFee =
        anything && goods.amountMinor() < terms.minimumBasket().amountMinor()
            ? terms.smallBasketFee()
            : zero;

    List<Money> shares = shares(lines, subtotal, discount);
    List<LinePrice> priced = new ArrayList<>(lines.size());
    Money tax = zero;
    for (int i = 0; i < lines.size(); i++) {
      PricedLine line = lines.get(i);
      int rate = TaxRates.rate(store.country(), line.taxClass());
      Money lineTax = taxContained(line.total().minus(shares.get(i)), rate);
      priced.add(
          new LinePrice(
              line.sku(),
              line.quantity(),
              line.unitPrice(),
              line.total(),
              shares.get(i),
              rate,
              lineTax));
      tax = tax.plus(lineTax);
    }
    int standard = TaxRates.rate(store.country(), TaxClass.STANDARD);
    tax = tax.plus(taxContained(fee, standard)).plus(taxContained(smallBasketFee, standard));
    Money total = goods.plus(fee).plus(smallBasketFee);
    return new Quote(
        priced, new PriceBreakdown(subtotal, discount, fee, smallBasketFee, tax, total), verdict);
  }

  /** The VAT an amount with VAT included contains at {@code rate} basis points, half-even. */
  public static Money taxContained(Money gross, int rateBasisPoints) {
    BigDecimal tax =
        BigDecimal.valueOf(gross.amountMinor())
            .multiply(BigDecimal.valueOf(rateBasisPoints))
            .divide(BASIS.add(BigDecimal.valueOf(rateBasisPoints)), 0, RoundingMode.HALF_EVEN);
    return Money.of(tax.longValueExact(), gross.currency());
  }

  private static VoucherVerdict verdict(
      Voucher voucher, Money subtotal, String shopperId, Instant now) {
    VoucherTerms terms = voucher.terms();
    Optional<String> whyNot =
        terms.whyNot(subtotal, now).or(() -> voucher.whyNoUseLeft(shopperId, now));
    return new VoucherVerdict(
        terms.code(), whyNot.isEmpty(), Money.zero(subtotal.currency()), whyNot.orElse(null));
  }

  private static Money discount(VoucherTerms terms, Money subtotal) {
    return switch (terms.kind()) {
      case PERCENTAGE ->
          Money.of(
              BigDecimal.valueOf(subtotal.amountMinor())
                  .multiply(BigDecimal.valueOf(terms.percentBasisPoints()))
                  .divide(BASIS, 0, RoundingMode.HALF_EVEN)
                  .longValueExact(),
              subtotal.currency());
      case FIXED_AMOUNT ->
          terms.amountOff().amountMinor() > subtotal.amountMinor() ? subtotal : terms.amountOff();
      case FREE_DELIVERY -> Money.zero(subtotal.currency());
    };
  }

  private static boolean freeDelivery(DeliveryTerms terms, Money goods) {
    return terms.freeFrom() != null && goods.amountMinor() >= terms.freeFrom().amountMinor();
  }

  /**
   * The discount shared among the lines in proportion to their totals, in whole minor units: each
   * line gets the floor of its share, and the units left over go one each to the lines with the
   * largest remainders (the earlier line first on a tie).
   */
  private static List<Money> shares(List<PricedLine> lines, Money subtotal, Money discount) {
    int n = lines.size();
    long[] share = new long[n];
    BigInteger[] remainder = new BigInteger[n];
    long given = 0;
    BigInteger whole = BigInteger.valueOf(subtotal.amountMinor());
    for (int i = 0; i < n && discount.isPositive(); i++) {
      BigInteger[] division =
          BigInteger.valueOf(discount.amountMinor())
              .multiply(BigInteger.valueOf(lines.get(i).total().amountMinor()))
              .divideAndRemainder(whole);
      share[i] = division[0].longValueExact();
      remainder[i] = division[1];
      given += share[i];
    }
    long left = discount.amountMinor() - given;
    List<Integer> byRemainder =
        IntStream.range(0, n)
            .boxed()
            .filter(i -> remainder[i] != null)
            .sorted(Comparator.comparing((Integer i) -> remainder[i]).reversed())
            .toList();
    for (int k = 0; k < left; k++) {
      share[byRemainder.get(k)]++;
    }
    List<Money> shares = new ArrayList<>(n);
    for (long s : share) {
      shares.add(Money.of(s, discount.currency()));
    }
    return shares;
  }
}
