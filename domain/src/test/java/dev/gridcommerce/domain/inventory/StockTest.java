package dev.gridcommerce.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gridcommerce.domain.inventory.StockOutcome.BelowReserved;
import dev.gridcommerce.domain.inventory.StockOutcome.Done;
import dev.gridcommerce.domain.inventory.StockOutcome.ShortOf;
import dev.gridcommerce.domain.inventory.StockOutcome.VersionConflict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rule 1: 0 <= reserved <= onHand, available = onHand - reserved; and every change idempotent. */
class StockTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant EXPIRY = NOW.plusSeconds(600);

  private static Stock held(int onHand, String order, int units) {
    return Stock.of(onHand).hold(order, units, EXPIRY).stock();
  }

  @Nested
  class Invariants {

    @Test
    void availableIsOnHandLessEveryHoldPaidOrNot() {
      Stock stock = held(10, "o1", 3).hold("o2", 2, EXPIRY).stock().sell("o2", 2).stock();

      assertThat(stock.reserved()).isEqualTo(5);
      assertThat(stock.sold()).isEqualTo(2);
      assertThat(stock.available()).isEqualTo(5);
    }

    @Test
    void reservedCanNeverExceedOnHand() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Stock(1, List.of(Hold.held("o1", 2, EXPIRY)), List.of(), 0, 0))
          .withMessageContaining("can't exceed");
    }

    @Test
    void onHandCanNeverBeNegative() {
      assertThatIllegalArgumentException().isThrownBy(() -> Stock.of(-1));
    }

    @Test
    void anOrderHoldsAtMostOncePerStockEntry() {
      assertThatIllegalArgumentException()
          .isThrownBy(() ->
              new Stock(
                  5,
                  List.of(Hold.held("o1", 1, EXPIRY), Hold.held("o1", 1, EXPIRY)),
                  List.of(),
                  0,
                  0));
    }

    @Test
    void everyChangeBumpsTheVersionAndOnlyOnHandChangesBumpTheOnHandVersion() {
      Stock stock = held(5, "o1", 2);
      assertThat(stock.version()).isEqualTo(1);
      assertThat(stock.onHandVersion()).isZero();

      Stock received = stock.adjust("m1", 3, MovementReason.DELIVERY, "", "staff", NOW).stock();
      assertThat(received.version()).isEqualTo(2);
      assertThat(received.onHandVersion()).isEqualTo(1);
    }
  }

  @Nested
  class Holding {

    @Test
    void holdTakesUnitsFromAvailable() {
      StockDecision decision = Stock.of(5).hold("o1", 2, EXPIRY);

      assertThat(decision.outcome()).isEqualTo(new Done(2));
      assertThat(decision.stock().available()).isEqualTo(3);
      assertThat(decision.stock().holdOf("o1")).contains(Hold.held("o1", 2, EXPIRY));
    }

    @Test
    void theLastUnitsGoToOneOrderAndTheNextIsShort() {
      Stock soldOut = held(2, "o1", 2);

      StockDecision next = soldOut.hold("o2", 1, EXPIRY);

      assertThat(next.outcome()).isEqualTo(new ShortOf(1, 0));
      assertThat(next.stock()).isSameAs(soldOut);
    }

    @Test
    void repeatedHoldForTheSameOrderHoldsOnce() {
      Stock once = held(5, "o1", 2);

      StockDecision again = once.hold("o1", 2, EXPIRY);

      assertThat(again.outcome()).isEqualTo(new Done(2));
      assertThat(again.stock()).isSameAs(once);
    }

    @Test
    void holdOfZeroUnitsIsRefused() {
      assertThatIllegalArgumentException().isThrownBy(() -> Stock.of(5).hold("o1", 0, EXPIRY));
    }

    @Test
    void releaseReturnsHeldUnitsOnceAndNeverSoldOnes() {
      Stock stock = held(5, "o1", 2).hold("o2", 1, EXPIRY).stock().sell("o2", 1).stock();

      StockDecision released = stock.release("o1");
      assertThat(released.outcome()).isEqualTo(new Done(2));
      assertThat(released.stock().available()).isEqualTo(4);
      assertThat(released.stock().release("o1").stock()).isSameAs(released.stock());

      assertThat(released.stock().release("o2").outcome()).isEqualTo(new Done(0));
      assertThat(released.stock().holdOf("o2")).isPresent();
    }

    @Test
    void expiredHoldsAreTheHeldOnesWhoseTimeIsUp() {
      Stock stock =
          Stock.of(9)
              .hold("early", 1, NOW.minusSeconds(1))
              .stock()
              .hold("late", 1, NOW.plusSeconds(1))
              .stock()
              .hold("paid", 1, NOW.minusSeconds(5))
              .stock()
              .sell("paid", 1)
              .stock();

      assertThat(stock.expiredHolds(NOW)).extracting(Hold::orderId).containsExactly("early");
    }
  }

  @Nested
  class CartHolds {

    @Test
    void aCartHoldGrowsShrinksAndGoes() {
      Stock stock = Stock.of(5).holdExactly("cart:s1", 2, EXPIRY).stock();
      assertThat(stock.available()).isEqualTo(3);

      assertThat(stock.holdExactly("cart:s1", 6, EXPIRY).outcome()).isEqualTo(new ShortOf(6, 5));
      Stock grown = stock.holdExactly("cart:s1", 5, EXPIRY).stock();
      assertThat(grown.available()).isZero();

      Stock gone = grown.holdExactly("cart:s1", 0, EXPIRY).stock();
      assertThat(gone.available()).isEqualTo(5);
      assertThat(gone.holds()).isEmpty();
    }

    @Test
    void checkoutMovesTheCartsUnitsToTheOrderAndTopsUpFromAvailable() {
      Stock stock = Stock.of(5).holdExactly("cart:s1", 2, EXPIRY).stock();

      StockDecision moved = stock.holdMoving("o1", 3, EXPIRY, "cart:s1");

      assertThat(moved.outcome()).isEqualTo(new Done(3));
      assertThat(moved.stock().holdOf("cart:s1")).isEmpty();
      assertThat(moved.stock().holdOf("o1")).map(Hold::quantity).contains(3);
      assertThat(moved.stock().available()).isEqualTo(2);
    }

    @Test
    void aFailedCheckoutHandsTheUnitsBackToTheCartWholesale() {
      Stock moved =
          Stock.of(5)
              .holdExactly("cart:s1", 2, EXPIRY)
              .stock()
              .holdMoving("o1", 3, EXPIRY, "cart:s1")
              .stock();

      Stock back = moved.moveHeld("o1", "cart:s1", EXPIRY.plusSeconds(60)).stock();

      assertThat(back.holdOf("o1")).isEmpty();
      assertThat(back.holdOf("cart:s1")).contains(Hold.held("cart:s1", 3, EXPIRY.plusSeconds(60)));
      assertThat(back.available()).isEqualTo(2);
    }

    @Test
    void movingMoreThanTheCartAndAvailableHoldIsShortAndKeepsTheCartHold() {
      Stock stock = Stock.of(3).holdExactly("cart:s1", 2, EXPIRY).stock();

      StockDecision moved = stock.holdMoving("o1", 4, EXPIRY, "cart:s1");

      assertThat(moved.outcome()).isEqualTo(new ShortOf(4, 3));
      assertThat(moved.stock()).isSameAs(stock);
    }
  }

  @Nested
  class Selling {

    @Test
    void sellTurnsTheHoldIntoSoldUnitsOnce() {
      Stock stock = held(5, "o1", 2);

      Stock sold = stock.sell("o1", 2).stock();
      assertThat(sold.sold()).isEqualTo(2);
      assertThat(sold.available()).isEqualTo(3);
      assertThat(sold.sell("o1", 2).stock()).isSameAs(sold);
    }

    @Test
    void aLatePaymentSellsAvailableUnitsWhenTheHoldIsGone() {
      Stock stock = Stock.of(5);

      StockDecision sold = stock.sell("o1", 2);

      assertThat(sold.outcome()).isEqualTo(new Done(2));
      assertThat(sold.stock().sold()).isEqualTo(2);
    }

    @Test
    void aLatePaymentWithoutStockIsShortAndSellsNothing() {
      Stock stock = held(2, "other", 2);

      StockDecision sold = stock.sell("o1", 1);

      assertThat(sold.outcome()).isEqualTo(new ShortOf(1, 0));
      assertThat(sold.stock()).isSameAs(stock);
    }

    @Test
    void returnSoldPutsACancelledPaidOrdersUnitsBack() {
      Stock stock = held(5, "o1", 2).sell("o1", 2).stock();

      StockDecision returned = stock.returnSold("o1");

      assertThat(returned.outcome()).isEqualTo(new Done(2));
      assertThat(returned.stock().available()).isEqualTo(5);
      assertThat(returned.stock().onHand()).isEqualTo(5);
    }

    @Test
    void dispatchTakesSoldUnitsOffTheShelfOnceAndRecordsIt() {
      Stock stock = held(5, "o1", 2).sell("o1", 2).stock();

      Stock dispatched = stock.dispatch("o1", "dispatch:o1", NOW).stock();

      assertThat(dispatched.onHand()).isEqualTo(3);
      assertThat(dispatched.reserved()).isZero();
      assertThat(dispatched.movements())
          .containsExactly(
              new StockMovement("dispatch:o1", -2, MovementReason.DISPATCH, "", "o1", NOW, 3));
      assertThat(dispatched.dispatch("o1", "dispatch:o1", NOW).stock()).isSameAs(dispatched);
    }

    @Test
    void aShortPickKeepsOnlyThePickedUnitsSoldAndReturnsTheRestOnce() {
      Stock stock = held(5, "o1", 3).sell("o1", 3).stock();

      StockDecision kept = stock.keepSold("o1", 1);

      assertThat(kept.outcome()).isEqualTo(new Done(2));
      assertThat(kept.stock().sold()).isEqualTo(1);
      assertThat(kept.stock().available()).isEqualTo(4);
      assertThat(kept.stock().keepSold("o1", 1).stock()).isSameAs(kept.stock());
      assertThat(kept.stock().keepSold("o1", 0).stock().holdOf("o1")).isEmpty();
      assertThat(held(5, "o1", 3).keepSold("o1", 0).outcome()).isEqualTo(new Done(0));
    }

    @Test
    void unpaidUnitsAreNeverDispatched() {
      Stock stock = held(5, "o1", 2);

      assertThat(stock.dispatch("o1", "dispatch:o1", NOW).stock()).isSameAs(stock);
    }
  }

  @Nested
  class StaffChanges {

    @Test
    void receivingAddsUnitsAndRecordsTheMovement() {
      Stock stock = Stock.of(5);

      StockDecision received =
          stock.adjust("m1", 10, MovementReason.DELIVERY, "pallet 7", "staff-1", NOW);

      assertThat(received.stock().onHand()).isEqualTo(15);
      assertThat(received.stock().movements())
          .containsExactly(
              new StockMovement("m1", 10, MovementReason.DELIVERY, "pallet 7", "staff-1", NOW, 15));
    }

    @Test
    void aWriteOffThatWouldEatIntoHeldUnitsIsRefused() {
      Stock stock = held(5, "o1", 4);

      StockDecision writeOff = stock.adjust("m1", -2, MovementReason.DAMAGED, "", "staff-1", NOW);

      assertThat(writeOff.outcome()).isEqualTo(new ShortOf(2, 1));
      assertThat(writeOff.stock()).isSameAs(stock);
    }

    @Test
    void aReplayedAdjustmentIsAppliedOnce() {
      Stock once = Stock.of(5).adjust("m1", -1, MovementReason.LOST, "", "staff-1", NOW).stock();

      assertThat(once.adjust("m1", -1, MovementReason.LOST, "", "staff-1", NOW).stock())
          .isSameAs(once);
      assertThat(once.onHand()).isEqualTo(4);
    }

    @Test
    void reasonsAllowOnlyTheirDirection() {
      Stock stock = Stock.of(5);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> stock.adjust("m1", -3, MovementReason.DELIVERY, "", "s", NOW));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> stock.adjust("m1", 3, MovementReason.DAMAGED, "", "s", NOW));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> stock.adjust("m1", 3, MovementReason.STOCKTAKE, "", "s", NOW));
    }

    @Test
    void aStocktakeSetsTheCountAgainstTheVersionItWasMadeFor() {
      Stock stock = Stock.of(5);

      StockDecision counted = stock.count("c1", 7, 0, "aisle 3", "staff-1", NOW);

      assertThat(counted.stock().onHand()).isEqualTo(7);
      assertThat(counted.stock().onHandVersion()).isEqualTo(1);
      assertThat(counted.stock().movements().getLast())
          .isEqualTo(
              new StockMovement("c1", 2, MovementReason.STOCKTAKE, "aisle 3", "staff-1", NOW, 7));
      assertThat(counted.stock().count("c2", 6, 0, "", "staff-2", NOW).outcome())
          .isEqualTo(new VersionConflict(0, 1));
    }

    @Test
    void holdsDoNotInvalidateAStocktakeButOnHandChangesDo() {
      Stock stock = Stock.of(5);
      Stock afterHold = stock.hold("o1", 1, EXPIRY).stock();

      assertThat(afterHold.count("c1", 4, 0, "", "s", NOW).outcome()).isEqualTo(new Done(4));
    }

    @Test
    void aCountBelowTheReservedUnitsIsRefused() {
      Stock stock = held(5, "o1", 3);

      assertThat(stock.count("c1", 2, 0, "", "s", NOW).outcome())
          .isEqualTo(new BelowReserved(2, 3));
    }

    @Test
    void onlyTheLatestMovementsAreKept() {
      Stock stock = Stock.of(0);
      for (int i = 0; i < Stock.MOVEMENTS_KEPT + 5; i++) {
        stock = stock.adjust("m" + i, 1, MovementReason.DELIVERY, "", "s", NOW).stock();
      }

      assertThat(stock.movements()).hasSize(Stock.MOVEMENTS_KEPT);
      assertThat(stock.movements().getFirst().id()).isEqualTo("m5");
      assertThat(stock.onHand()).isEqualTo(Stock.MOVEMENTS_KEPT + 5);
    }
  }

  @Nested
  class ManyHolds {

    /** A hot product: thousands of orders holding one unit each, some paid. */
    private Stock hot(int holds) {
      Stock stock = Stock.of(holds + 10);
      for (int i = 0; i < holds; i++) {
        stock = stock.hold("o" + i, 1, EXPIRY.plusMillis(i)).stock();
        if (i % 10 == 0) {
          stock = stock.sell("o" + i, 1).stock();
        }
      }
      return stock;
    }

    @Test
    void runningTotalsAgreeWithTheHoldsWhateverTheSequence() {
      Stock stock = hot(5_000);
      for (int i = 0; i < 5_000; i += 3) {
        stock = stock.release("o" + i).stock();
      }

      Stock restored =
          new Stock(stock.onHand(), stock.holds(), stock.movements(), stock.version(), 0);
      assertThat(stock.reserved()).isEqualTo(restored.reserved());
      assertThat(stock.sold()).isEqualTo(restored.sold());
      assertThat(stock.reserved()).isEqualTo(stock.holds().stream().mapToInt(Hold::quantity).sum());
      assertThat(stock.sold())
          .isEqualTo(stock.holds().stream().filter(Hold::isSold).mapToInt(Hold::quantity).sum());
    }

    @Test
    void theDueHoldsAreFoundEarliestFirstAndPaidOnesNever() {
      Stock stock = hot(2_000);

      List<Hold> due = stock.expiredHolds(EXPIRY.plusMillis(99));

      assertThat(due).hasSize(90); // 0..99, less the ten that were sold
      assertThat(due).allMatch(Hold::isHeld);
      assertThat(due).extracting(Hold::expiresAt).isSorted();
      assertThat(stock.nextExpiryMillis()).isEqualTo(EXPIRY.plusMillis(1).toEpochMilli());
      assertThat(Stock.of(3).nextExpiryMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRestoredValueIsEqualToTheOneItWasStoredFrom() {
      Stock stock = hot(100);
      Stock restored =
          new Stock(
              stock.onHand(),
              List.copyOf(stock.holds()),
              stock.movements(),
              stock.version(),
              stock.onHandVersion());

      assertThat(restored).isEqualTo(stock).hasSameHashCodeAs(stock);
      assertThat(restored.expiredHolds(EXPIRY.plusSeconds(1)))
          .isEqualTo(stock.expiredHolds(EXPIRY.plusSeconds(1)));
    }
  }

  @Nested
  class Journal {

    @Test
    void namesTheHoldersChangedSinceAStoredVersion() {
      Stock stored = held(10, "o1", 1).hold("o2", 1, EXPIRY).stock();

      Stock now =
          stored
              .hold("o3", 1, EXPIRY)
              .stock()
              .sell("o1", 1)
              .stock()
              .release("o2")
              .stock()
              .adjust("m1", 5, MovementReason.DELIVERY, "", "staff", NOW)
              .stock();

      assertThat(now.holdersChangedSince(stored.version()))
          .hasValueSatisfying(
              changed -> assertThat(changed).containsExactlyInAnyOrder("o1", "o2", "o3"));
      assertThat(now.holdersChangedSince(now.version()))
          .hasValueSatisfying(c -> assertThat(c).isEmpty());
    }

    @Test
    void cantTellForVersionsBeforeARestoreOrAfterNow() {
      Stock stock = held(10, "o1", 1);
      Stock restored = new Stock(10, stock.holds(), List.of(), stock.version(), 0);

      assertThat(restored.holdersChangedSince(stock.version() - 1)).isEmpty();
      assertThat(restored.holdersChangedSince(stock.version()))
          .hasValueSatisfying(changed -> assertThat(changed).isEmpty());
      assertThat(stock.holdersChangedSince(stock.version() + 1)).isEmpty();
    }

    @Test
    void staysWithinTwiceTheHoldsAndThenReachesBackLessFar() {
      Stock stock = Stock.of(1);
      long start = stock.version();
      for (int i = 0; i < 1_000; i++) {
        stock = stock.hold("o" + i, 1, EXPIRY).stock().release("o" + i).stock();
      }

      assertThat(stock.holdersChangedSince(start)).isEmpty(); // 2,000 changes, no holds left
      assertThat(stock.holdersChangedSince(stock.version() - 10))
          .hasValueSatisfying(changed -> assertThat(changed).hasSize(5));
    }
  }
}
