package dev.gridcommerce.domain.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.fixtures.OrderBuilder;
import dev.gridcommerce.domain.fixtures.VoucherFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderPickingTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final PaymentReference PAYMENT = new PaymentReference("test", "pay-1");

  /** Milk 2 x 1.50, bread 1 x 3.00: 6.00 paid, picking started. */
  private static Order picking() {
    return anOrder().line("DAI-00001", 2, 150).line("BAK-00001", 1, 300).buildPicking();
  }

  private static Replacement oatMilk(int units, long price) {
    return new Replacement("DAI-00002", "Oat milk", units, Money.of(price, "EUR"));
  }

  @Test
  void aLinePickedInFullChangesTheOrderWithoutAnEventAndTwiceChangesNothing() {
    Order order = picking();

    Order picked = order.linePicked("L1", NOW);

    assertThat(picked.line("L1").unitsPicked()).isEqualTo(2);
    assertThat(picked.line("L1").isShort()).isFalse();
    assertThat(picked.events()).isEqualTo(order.events());
    assertThat(picked.version()).isEqualTo(order.version() + 1);
    assertThat(picked.linePicked("L1", NOW)).isSameAs(picked);
  }

  @Test
  void aShortLineReplacedByACheaperProductIsCreditedTheDifferenceAndTellsTheShopper() {
    Order order = picking().lineShort("L1", 1, oatMilk(1, 120), NOW, "short-1");

    assertThat(order.pendingStock()).isEqualTo(StockEffect.PICK_SHORTFALL);
    assertThat(order.events().getLast().type()).isEqualTo(OrderEventType.LINE_SHORT);
    assertThat(order.events().getLast().note())
        .isEqualTo("Product DAI-00001: 1 of 2 found; replaced by Oat milk x1");
    assertThat(order.goodsCredit()).isEqualTo(Money.of(30, "EUR"));
    assertThat(order.refundOwed()).isEqualTo(Money.of(30, "EUR"));
    assertThat(order.keeps()).isEqualTo(Money.of(570, "EUR"));
  }

  @Test
  void aDearerReplacementCostsTheShopperNoMoreThanTheOriginal() {
    Order order = picking().lineShort("L1", 0, oatMilk(2, 250), NOW, "short-1");

    assertThat(order.goodsCredit()).isEqualTo(Money.zero("EUR"));
    assertThat(order.refundOwed()).isEqualTo(Money.zero("EUR"));
  }

  @Test
  void aLineRefundedGivesBackItsMissingUnitsAndTheSameReportAgainChangesNothing() {
    Order order = picking().lineShort("L1", 0, null, NOW, "short-1").settled();

    assertThat(order.goodsCredit()).isEqualTo(Money.of(300, "EUR"));
    assertThat(order.lineShort("L1", 0, null, NOW, "short-again")).isSameAs(order);
    assertThatThrownBy(() -> order.lineShort("L1", 1, null, NOW, "other"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> order.linePicked("L1", NOW))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aRefundGivesBackOnlyTheShareOfTheDiscountedPriceTheMissingUnitsHad() {
    Order order =
        anOrder()
            .line("DAI-00001", 2, 150)
            .line("BAK-00001", 1, 300)
            .voucher(VoucherFixtures.percentOff("TENOFF", 1000, 10, 1, OrderBuilder.PLACED_AT))
            .buildPicking()
            .lineShort("L2", 0, null, NOW, "short");

    // bread is half the 6.00 subtotal, so it had half the 0.60 discount: 3.00 - 0.30
    assertThat(order.goodsCredit()).isEqualTo(Money.of(270, "EUR"));
  }

  @Test
  void aReplacementThatRanOutIsRefundedInsteadAndTheShopperToldAgain() {
    Order order = picking().lineShort("L1", 1, oatMilk(1, 120), NOW, "short");

    Order gone = order.replacementGone("L1", "DAI-00002", NOW, "gone");

    assertThat(gone.line("L1").pick().replacement()).isNull();
    assertThat(gone.goodsCredit()).isEqualTo(Money.of(150, "EUR"));
    assertThat(gone.events().getLast().note()).contains("Oat milk ran out too");
    assertThat(gone.pendingStock()).isEqualTo(StockEffect.PICK_SHORTFALL);
    assertThat(order.replacementGone("L1", "DAI-00009", NOW, "other")).isSameAs(order);
    Order applied = order.settled();
    assertThat(applied.replacementGone("L1", "DAI-00002", NOW, "late"))
        .as("a report once the shortfall was applied")
        .isSameAs(applied);
  }

  @Test
  void twoShortLinesNeverShareASubstituteNorTakeAProductOfTheOrder() {
    Order order = picking().lineShort("L1", 1, oatMilk(1, 120), NOW, "short-1").settled();
    Replacement bread = new Replacement("BAK-00001", "Bread", 1, Money.of(300, "EUR"));

    assertThatThrownBy(() -> order.lineShort("L2", 0, oatMilk(1, 120), NOW, "short-2"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> picking().lineShort("L1", 0, bread, NOW, "short-3"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(order.hasProduct("DAI-00002")).isTrue();
  }

  @Test
  void packingCountsUnconfirmedLinesAsPickedAndSummarisesTheShortOnes() {
    Order packed =
        picking()
            .lineShort("L2", 0, null, NOW, "short")
            .settled()
            .movedTo(OrderStatus.PACKED, NOW, "packed");

    assertThat(packed.status()).isEqualTo(OrderStatus.PACKED);
    assertThat(packed.line("L1").unitsPicked()).isEqualTo(2);
    assertThat(packed.events().getLast().note()).isEqualTo("1 line short; 3.00 EUR to be refunded");
    assertThat(packed.refundOwed()).isEqualTo(Money.of(300, "EUR"));
  }

  @Test
  void anOrderOfWhichNothingCouldBePickedIsCancelledAndOwesItsWholeTotal() {
    Order packed =
        picking()
            .lineShort("L1", 0, null, NOW, "short-1")
            .settled()
            .lineShort("L2", 0, null, NOW, "short-2")
            .settled()
            .movedTo(OrderStatus.PACKED, NOW, "packed");

    assertThat(packed.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(packed.pendingStock()).isEqualTo(StockEffect.RETURN_SOLD);
    assertThat(packed.refundOwed()).isEqualTo(packed.total());
  }

  @Test
  void aRiderTakesAPackedOrderOutAndAFailedDeliveryOwesEverything() {
    Order packed = picking().movedTo(OrderStatus.PACKED, NOW, "packed");
    Courier rider = new Courier("rider-1", "Rita");

    Order out = packed.outWith(rider, NOW, "out");

    assertThat(out.status()).isEqualTo(OrderStatus.OUT_FOR_DELIVERY);
    assertThat(out.courier()).isEqualTo(rider);
    assertThat(out.pendingStock()).isEqualTo(StockEffect.DISPATCH);
    assertThat(out.events().getLast().note()).isEqualTo("with Rita");
    assertThat(out.outWith(rider, NOW, "again")).isSameAs(out);

    Order failed = out.settled().movedTo(OrderStatus.FAILED_DELIVERY, NOW, "failed");
    assertThat(failed.pendingStock()).isEqualTo(StockEffect.RETURN_DELIVERED);
    assertThat(failed.refundOwed()).isEqualTo(failed.total());
  }

  @Test
  void picksAreRefusedOutsidePicking() {
    Order paid = anOrder().line("DAI-00001", 2, 150).build().paid(PAYMENT, NOW, "p").settled();

    assertThatThrownBy(() -> paid.linePicked("L1", NOW))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> picking().linePicked("L9", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
