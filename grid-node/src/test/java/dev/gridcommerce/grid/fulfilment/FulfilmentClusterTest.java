package dev.gridcommerce.grid.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.GeoPoint;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.fulfilment.PickList;
import dev.gridcommerce.domain.fulfilment.ShelfLocation;
import dev.gridcommerce.domain.fulfilment.StoreLayout;
import dev.gridcommerce.domain.idempotency.IdempotencyKey;
import dev.gridcommerce.domain.inventory.MovementReason;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.inventory.StockMovement;
import dev.gridcommerce.domain.order.Courier;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.order.Replacement;
import dev.gridcommerce.domain.order.Substitution;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Picking, substitution and dispatch on a 2-member cluster, through the doors an API node uses:
 * each short line with each preference, what the stock and the money come to, and returns. The
 * store sells products {@code SKU-00000} to {@code SKU-00005} of one category and brand at 1.00 to
 * 1.05 EUR, 5 units each; every test uses its own shoppers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfilmentClusterTest {

  private static final String STORE = ShoppingRun.STORE;
  private static final GeoPoint NEAR = new GeoPoint(52.501, 13.401);
  private static final GeoPoint NEAR_TOO = new GeoPoint(52.503, 13.402);
  private static final GeoPoint FAR = new GeoPoint(52.515, 13.42);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;
  private Fulfilment fulfilment;
  private int shoppers;

  @BeforeAll
  void startCluster() {
    grid = TestGrid.inMemory().start(2);
    maps = new GridMaps(grid.client());
    doors = Doors.of(grid.client(), clock);
    fulfilment = new Fulfilment(grid.client(), doors.orders(), doors.inventory(), doors.catalog());
  }

  @BeforeEach
  void restock() {
    maps.orders().clear();
    maps.inventory().clear();
    new ShoppingRun(6, 5, 0, 0).stock(doors);
  }

  @AfterAll
  void stopCluster() {
    grid.close();
  }

  private static String sku(int i) {
    return ShoppingRun.sku(i);
  }

  private Stock stock(int product) {
    return maps.inventory().get(new StockKey(STORE, sku(product)));
  }

  /** A paid order of the lines (sku index, units, substitution), delivered to {@code to}. */
  private Order paidOrder(GeoPoint to, Object... lines) {
    String shopper = "shopper-" + ++shoppers;
    doors.carts().chooseStore(shopper, STORE);
    for (int i = 0; i < lines.length; i += 3) {
      doors
          .carts()
          .setLine(
              shopper,
              sku((Integer) lines[i]),
              (Integer) lines[i + 1],
              (Substitution) lines[i + 2]);
    }
    CheckoutOutcome outcome =
        doors.checkout().place(new CheckoutRequest(shopper, new IdempotencyKey(shopper, "k"), to));
    assertThat(outcome).isInstanceOf(CheckoutOutcome.Placed.class);
    Order order = ((CheckoutOutcome.Placed) outcome).order();
    doors.orders().paid(order.id(), new PaymentReference("test", "pay-" + order.id()));
    assertThat(fulfilment.startPicking(STORE, order.id()).isDone()).isTrue();
    return order;
  }

  private Order order(Order order) {
    return maps.orders().get(order.id());
  }

  @Test
  void aPickListWalksTheStoresShelves() {
    fulfilment.layOut(
        new StoreLayout(
            STORE,
            Map.of(
                sku(0), new ShelfLocation("B", 1, 1),
                sku(1), new ShelfLocation("A", 3, 2),
                sku(2), new ShelfLocation("A", 1, 5))));
    Order order =
        paidOrder(
            NEAR,
            0,
            1,
            Substitution.BEST_MATCH,
            1,
            1,
            Substitution.BEST_MATCH,
            2,
            1,
            Substitution.BEST_MATCH,
            3,
            1,
            Substitution.BEST_MATCH);

    PickList list = fulfilment.pickList(STORE, order.id()).orElseThrow();

    assertThat(list.items())
        .extracting(PickList.Item::sku)
        .containsExactly(sku(2), sku(1), sku(0), sku(3));
    assertThat(fulfilment.pickList("elsewhere", order.id())).isEmpty();
  }

  @Test
  void aShortLineOfBestMatchIsReplacedByTheClosestProductSoldFromStockAndCostsNoMore() {
    Order order = paidOrder(NEAR, 2, 3, Substitution.BEST_MATCH);

    Fulfilment.Step step = fulfilment.reportShort(STORE, order.id(), "L1", 1);

    assertThat(step.isDone()).isTrue();
    Replacement replacement = step.order().line("L1").pick().replacement();
    // SKU-00001 (1.01) and SKU-00003 (1.03) are as close to 1.02: the lower sku wins
    assertThat(replacement.sku()).isEqualTo(sku(1));
    assertThat(replacement.quantity()).isEqualTo(2);
    assertThat(stock(2).sold()).isEqualTo(1);
    assertThat(stock(2).available()).isEqualTo(4);
    assertThat(stock(1).sold()).isEqualTo(2);
    assertThat(stock(1).available()).isEqualTo(3);
    assertThat(order(order).goodsCredit()).isEqualTo(Money.of(2, "EUR"));
    assertThat(order(order).events().getLast().type()).isEqualTo(OrderEventType.LINE_SHORT);
    assertThat(fulfilment.reportShort(STORE, order.id(), "L1", 1).isDone())
        .as("the same report again")
        .isTrue();
    assertThat(stock(1).sold()).isEqualTo(2);
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aSpecificSubstituteIsTakenOnlyAsFarAsItsStockGoesAndTheRestIsRefunded() {
    maps.inventory().set(new StockKey(STORE, sku(5)), Stock.of(1));
    Order order = paidOrder(NEAR, 0, 4, Substitution.specific(sku(5)));

    Order shortOne = fulfilment.reportShort(STORE, order.id(), "L1", 0).order();

    assertThat(shortOne.line("L1").pick().replacement().quantity()).isEqualTo(1);
    // 4 x 1.00 missing, 1 x 1.05 replaces one of them at no more than 1.00: 3.00 back
    assertThat(shortOne.goodsCredit()).isEqualTo(Money.of(300, "EUR"));
    assertThat(stock(0).reserved()).isZero();
    assertThat(stock(5).available()).isZero();
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aRefundLineGivesItsUnitsBackAndPackingRefundsWhatIsOwed() {
    Order order = paidOrder(NEAR, 0, 2, Substitution.REFUND, 1, 1, Substitution.BEST_MATCH);

    fulfilment.reportShort(STORE, order.id(), "L1", 0);
    assertThat(fulfilment.confirm(STORE, order.id(), "L2", sku(2), 1).refusal())
        .isEqualTo(Fulfilment.Refusal.WRONG_PRODUCT);
    assertThat(fulfilment.confirm(STORE, order.id(), "L2", sku(1), 2).refusal())
        .isEqualTo(Fulfilment.Refusal.WRONG_QUANTITY);
    assertThat(fulfilment.confirm(STORE, order.id(), "L2", sku(1), 1).isDone()).isTrue();
    Order packed = fulfilment.pack(STORE, order.id()).order();

    assertThat(packed.status()).isEqualTo(OrderStatus.PACKED);
    assertThat(packed.line("L1").pick().replacement()).isNull();
    assertThat(packed.refundOwed()).isEqualTo(Money.of(200, "EUR"));
    assertThat(stock(0).reserved()).isZero();
    assertThat(stock(0).available()).isEqualTo(5);
    assertThat(doors.orders().owingRefunds()).extracting(Order::id).contains(order.id());
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void aReplacementThatRunsOutBeforeItIsSoldIsRefundedInstead() {
    Order order = paidOrder(NEAR, 0, 2, Substitution.BEST_MATCH);
    maps.inventory().set(new StockKey(STORE, sku(4)), Stock.of(0));

    Order after =
        doors
            .orders()
            .reportShort(
                STORE,
                order.id(),
                "L1",
                1,
                new Replacement(sku(4), "Product 4", 1, Money.of(104, "EUR")))
            .order();

    assertThat(after.isSettled()).isTrue();
    assertThat(after.line("L1").pick().replacement()).isNull();
    assertThat(after.goodsCredit()).isEqualTo(Money.of(100, "EUR"));
    assertThat(after.events().getLast().note()).contains("ran out too");
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void anOrderOfWhichNothingIsFoundIsCancelledAndItsStockGoesBack() {
    Order order = paidOrder(NEAR, 0, 2, Substitution.REFUND);

    fulfilment.reportShort(STORE, order.id(), "L1", 0);
    Order packed = fulfilment.pack(STORE, order.id()).order();

    assertThat(packed.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(packed.refundOwed()).isEqualTo(packed.total());
    assertThat(stock(0).reserved()).isZero();
    GridInvariants.assertConsistent(maps);
  }

  @Test
  void ridersTakeCloseOrdersOutTogetherAndAFailedDeliveryComesBackAsAReturn() {
    Order first = paidOrder(NEAR, 0, 1, Substitution.BEST_MATCH);
    Order second = paidOrder(NEAR_TOO, 1, 2, Substitution.BEST_MATCH);
    Order far = paidOrder(FAR, 2, 1, Substitution.BEST_MATCH);
    for (Order order : List.of(first, second, far)) {
      fulfilment.pack(STORE, order.id());
    }
    Courier rita = new Courier("rider-1", "Rita");

    assertThat(fulfilment.batches(STORE))
        .extracting(batch -> batch.stream().map(Order::id).toList())
        .containsExactly(List.of(first.id(), second.id()), List.of(far.id()));
    assertThat(fulfilment.dispatch(STORE, rita, List.of(first.id(), far.id())).getFirst().refusal())
        .isEqualTo(Fulfilment.Refusal.NOT_A_BATCH);
    List<Fulfilment.Step> out = fulfilment.dispatch(STORE, rita, List.of(first.id(), second.id()));

    assertThat(out).allMatch(Fulfilment.Step::isDone);
    assertThat(order(first).courier()).isEqualTo(rita);
    assertThat(fulfilment.outWith(STORE, "rider-1")).hasSize(2);
    assertThat(stock(1).onHand()).isEqualTo(3);
    assertThat(fulfilment.handOver(STORE, "someone-else", second.id(), false).refusal())
        .isEqualTo(Fulfilment.Refusal.NO_SUCH_ORDER);

    assertThat(fulfilment.handOver(STORE, "rider-1", first.id(), true).order().status())
        .isEqualTo(OrderStatus.DELIVERED);
    Order failed = fulfilment.handOver(STORE, "rider-1", second.id(), false).order();

    assertThat(failed.status()).isEqualTo(OrderStatus.FAILED_DELIVERY);
    assertThat(failed.refundOwed()).isEqualTo(failed.total());
    assertThat(stock(1).onHand()).isEqualTo(5);
    assertThat(stock(1).available()).isEqualTo(5);
    assertThat(stock(1).movements())
        .extracting(StockMovement::delta, StockMovement::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(-2, MovementReason.DISPATCH),
            org.assertj.core.groups.Tuple.tuple(2, MovementReason.CUSTOMER_RETURN));
    GridInvariants.assertConsistent(maps);

    doors.orders().evictClosed(java.time.Duration.ZERO);
    assertThat(maps.orders().containsKey(first.id()))
        .as("delivered and settled: evicted")
        .isFalse();
    assertThat(maps.orders().containsKey(second.id()))
        .as("still owes its refund: kept for the reconciliation")
        .isTrue();
  }
}
