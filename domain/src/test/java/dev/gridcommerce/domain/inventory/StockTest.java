package dev.gridcommerce.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gridcommerce.domain.inventory.HoldOutcome.Held;
import dev.gridcommerce.domain.inventory.HoldOutcome.ShortOf;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockTest {

  private static final Instant EXPIRY = Instant.parse("2026-11-21T12:10:00Z");

  @Test
  void availableIsOnHandLessTheSumOfHolds() {
    Stock stock = new Stock(10, List.of(new Hold("o1", 3, EXPIRY), new Hold("o2", 2, EXPIRY)), 4);

    assertThat(stock.reserved()).isEqualTo(5);
    assertThat(stock.available()).isEqualTo(5);
  }

  @Test
  void holdTakesUnitsFromAvailableAndBumpsTheVersion() {
    HoldDecision decision = Stock.of(5).hold("o1", 2, EXPIRY);

    assertThat(decision.outcome()).isEqualTo(new Held(2));
    assertThat(decision.stock().available()).isEqualTo(3);
    assertThat(decision.stock().holdOf("o1")).contains(new Hold("o1", 2, EXPIRY));
    assertThat(decision.stock().version()).isEqualTo(1);
  }

  @Test
  void holdOfTheLastUnitsSucceedsAndTheNextIsShort() {
    Stock soldOut = Stock.of(2).hold("o1", 2, EXPIRY).stock();

    HoldDecision next = soldOut.hold("o2", 1, EXPIRY);

    assertThat(next.outcome()).isEqualTo(new ShortOf(1, 0));
    assertThat(next.stock()).isSameAs(soldOut);
  }

  @Test
  void holdLargerThanAvailableIsShortAndChangesNothing() {
    Stock stock = Stock.of(3);

    HoldDecision decision = stock.hold("o1", 4, EXPIRY);

    assertThat(decision.outcome()).isEqualTo(new ShortOf(4, 3));
    assertThat(decision.stock()).isSameAs(stock);
  }

  @Test
  void repeatedHoldForTheSameOrderHoldsOnlyOnce() {
    Stock once = Stock.of(5).hold("o1", 2, EXPIRY).stock();

    HoldDecision again = once.hold("o1", 2, EXPIRY);

    assertThat(again.outcome()).isEqualTo(new Held(2));
    assertThat(again.stock()).isSameAs(once);
    assertThat(again.stock().reserved()).isEqualTo(2);
  }

  @Test
  void releaseReturnsTheOrdersUnitsToAvailable() {
    Stock held = Stock.of(5).hold("o1", 2, EXPIRY).stock().hold("o2", 1, EXPIRY).stock();

    Stock released = held.release("o1");

    assertThat(released.available()).isEqualTo(4);
    assertThat(released.holdOf("o1")).isEmpty();
    assertThat(released.holdOf("o2")).isPresent();
  }

  @Test
  void releaseOfAnOrderWithoutHoldChangesNothing() {
    Stock stock = Stock.of(5).hold("o1", 2, EXPIRY).stock();

    assertThat(stock.release("unknown")).isSameAs(stock);
  }

  @Test
  void reservedCanNeverExceedOnHand() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Stock(1, List.of(new Hold("o1", 2, EXPIRY)), 0))
        .withMessageContaining("can't exceed");
  }

  @Test
  void onHandCanNeverBeNegative() {
    assertThatIllegalArgumentException().isThrownBy(() -> Stock.of(-1));
  }

  @Test
  void anOrderHoldsAtMostOncePerStockEntry() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Stock(5, List.of(new Hold("o1", 1, EXPIRY), new Hold("o1", 1, EXPIRY)), 0));
  }

  @Test
  void holdOfZeroUnitsIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Stock.of(5).hold("o1", 0, EXPIRY));
  }
}
