package dev.gridcommerce.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.fixtures.VoucherFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoucherTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(10));

  private static Voucher limitedTo(int total, int perShopper) {
    return Voucher.of(VoucherFixtures.percentOff(" welcome10 ", 1000, total, perShopper, NOW));
  }

  @Test
  void theCodeIsKeptUpperCaseWithoutBlanks() {
    assertThat(limitedTo(1, 1).terms().code()).isEqualTo("WELCOME10");
    assertThat(VoucherTerms.normalize("Welcome10")).isEqualTo("WELCOME10");
  }

  @Test
  void holdsCountAgainstTheLimitAndAHoldIsTakenOncePerOrder() {
    Voucher voucher = limitedTo(2, 5);
    voucher = voucher.hold("o1", "a", EXPIRY, NOW).voucher();
    Voucher.Change again = voucher.hold("o1", "a", EXPIRY, NOW);
    assertThat(again.done()).isTrue();
    assertThat(again.voucher()).isSameAs(voucher);
    voucher = voucher.hold("o2", "b", EXPIRY, NOW).voucher();

    Voucher.Change third = voucher.hold("o3", "c", EXPIRY, NOW);
    assertThat(third.done()).isFalse();
    assertThat(third.refusal()).contains("this voucher has been redeemed as often as it may be");
    assertThat(voucher.usesAt(NOW)).isEqualTo(2);
  }

  @Test
  void aReleasedOrExpiredHoldFreesItsUseButARedeemedOneStays() {
    Voucher voucher =
        limitedTo(1, 1).hold("o1", "a", EXPIRY, NOW).voucher().release("o1", NOW).voucher();
    assertThat(voucher.usesAt(NOW)).isZero();

    Voucher expired = limitedTo(1, 1).hold("o1", "a", EXPIRY, NOW).voucher();
    assertThat(expired.hold("o2", "b", EXPIRY.plusSeconds(60), EXPIRY).done()).isTrue();

    Voucher redeemed =
        limitedTo(1, 1).hold("o1", "a", EXPIRY, NOW).voucher().redeem("o1", "a", NOW).voucher();
    assertThat(redeemed.release("o1", NOW).voucher().usesAt(EXPIRY.plusSeconds(3600))).isEqualTo(1);
    assertThat(redeemed.giveBack("o1", NOW).voucher().usesAt(NOW)).isZero();
  }

  @Test
  void redeemingWithoutAHoldTakesAUseOnlyIfOneIsLeft() {
    Voucher taken = limitedTo(1, 1).hold("o1", "a", EXPIRY, NOW).voucher();

    Voucher.Change late = taken.redeem("o2", "b", NOW);
    assertThat(late.done()).isFalse();

    Voucher.Change afterExpiry = taken.redeem("o2", "b", EXPIRY);
    assertThat(afterExpiry.done()).isTrue();
    assertThat(afterExpiry.voucher().use("o2").orElseThrow().redeemed()).isTrue();
    assertThat(afterExpiry.voucher().use("o1")).isEmpty();
  }

  @Test
  void aRetryOfTheSameOrderKeepsItsHoldAndTakesAnExpiredOneBackIfAUseIsLeft() {
    Voucher held = limitedTo(1, 1).hold("o1", "a", EXPIRY, NOW).voucher();

    assertThat(held.without("o1").whyNoUseLeft("a", NOW)).isEmpty();
    assertThat(held.hold("o1", "a", EXPIRY, NOW).done()).isTrue();
    Voucher.Change renewed = held.hold("o1", "a", EXPIRY.plusSeconds(600), EXPIRY);
    assertThat(renewed.done()).isTrue();
    assertThat(renewed.voucher().usesAt(EXPIRY)).isEqualTo(1);
    Voucher taken = held.hold("o2", "b", EXPIRY.plusSeconds(600), EXPIRY).voucher();
    assertThat(taken.hold("o1", "a", EXPIRY.plusSeconds(600), EXPIRY).done()).isFalse();
  }

  @Test
  void aShopperMayUseAVoucherOnlyAsOftenAsItAllows() {
    Voucher voucher = limitedTo(10, 2).hold("o1", "a", EXPIRY, NOW).voucher();
    voucher = voucher.hold("o2", "a", EXPIRY, NOW).voucher();

    assertThat(voucher.hold("o3", "a", EXPIRY, NOW).refusal())
        .contains("you have used this voucher 2 times, as often as one shopper may");
    assertThat(voucher.hold("o3", "b", EXPIRY, NOW).done()).isTrue();
  }

  @Test
  void termsThatMakeNoSenseAreRefused() {
    Money zero = Money.zero("EUR");
    assertThatThrownBy(() ->
            new VoucherTerms(
                "TENOFF", VoucherKind.FIXED_AMOUNT, 0, zero, zero, NOW, NOW.plusSeconds(1), 1, 1))
        .isInstanceOf(VoucherTerms.InvalidTermsException.class)
        .extracting(e -> ((VoucherTerms.InvalidTermsException) e).field())
        .isEqualTo("amountOff");
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            new VoucherTerms(
                "X!", VoucherKind.PERCENTAGE, 1000, zero, zero, NOW, NOW.plusSeconds(1), 1, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            new VoucherTerms(
                "TENOFF", VoucherKind.PERCENTAGE, 0, zero, zero, NOW, NOW.plusSeconds(1), 1, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            new VoucherTerms("TENOFF", VoucherKind.FIXED_AMOUNT, 0, zero, zero, NOW, NOW, 1, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            new VoucherTerms(
                "TENOFF", VoucherKind.FREE_DELIVERY, 0, zero, zero, NOW, NOW.plusSeconds(1), 0, 1));
  }
}
