package dev.gridcommerce.grid.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.order.PaymentOutcome;
import dev.gridcommerce.grid.order.SweepReport;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.ShoppingRun.Result;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 200 shoppers with 3-line carts over 20 products that have too little stock check out at once on a
 * 3-member cluster, through two clients. Rules 1, 2, 4 and 5: no product is ever oversold, every
 * order holds all of its lines or nothing, and after payments, cancellations and one sweep past
 * expiry, reserved stock equals exactly the units of the orders still alive.
 */
class CheckoutInvariantsClusterTest {

  private static final ShoppingRun RUN = new ShoppingRun(20, 6, 200, 3);

  private final TestClock clock = new TestClock();
  private TestGrid grid;
  private GridMaps maps;
  private Doors doors;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    maps = grid.maps();
    doors = grid.doors(clock);
    RUN.stock(doors);
    RUN.fillCarts(doors);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void crowdCheckoutNeverOversellsAndEveryOrderHoldsAllOrNothing() throws Exception {
    List<Result> results =
        RUN.checkOut(List.of(grid.client(), grid.client()), clock, 32, done -> {});

    assertThat(results).allSatisfy(result -> assertThat(result.failure()).isNull());
    assertThat(results).filteredOn(Result::placed).isNotEmpty();
    assertThat(results).filteredOn(Result::isShort).isNotEmpty();
    assertNeverOversoldAndAllOrNothing(results);
    GridInvariants.assertConsistent(maps);

    List<Order> placed = ShoppingRun.placedOrders(results);
    Orders orders = doors.orders();
    for (int i = 0; i < placed.size(); i++) {
      String id = placed.get(i).id();
      switch (i % 3) {
        case 0 ->
            assertThat(orders.paid(id, new PaymentReference("test", "pay-" + id)))
                .isEqualTo(PaymentOutcome.PAID);
        case 1 -> assertThat(orders.move(id, OrderStatus.CANCELLED).changed()).isTrue();
        default -> {} // left unpaid, to expire
      }
    }
    clock.advance(Doors.HOLD_FOR.plus(Duration.ofSeconds(1)));
    SweepReport sweep = orders.sweep();

    assertThat(sweep.expiredOrders()).isEqualTo(placed.size() / 3);
    GridInvariants.assertConsistent(maps);
    Map<StockKey, Integer> paidUnits = new HashMap<>();
    for (int i = 0; i < placed.size(); i += 3) {
      for (OrderLine line : placed.get(i).lines()) {
        paidUnits.merge(new StockKey(ShoppingRun.STORE, line.sku()), line.quantity(), Integer::sum);
      }
    }
    maps.inventory()
        .forEach((key, stock) -> {
          assertThat(stock.reserved()).as("reserved of %s", key).isEqualTo(stock.sold());
          assertThat(stock.sold()).as("sold of %s", key).isEqualTo(paidUnits.getOrDefault(key, 0));
        });
  }

  @Test
  void losingAMemberMidRunLosesNoAcknowledgedOrderAndOversellsNothing() throws Exception {
    HazelcastInstance victim = grid.member(1);
    AtomicBoolean killed = new AtomicBoolean();

    List<Result> results =
        RUN.checkOut(
            List.of(grid.client(), grid.client()),
            clock,
            32,
            done -> {
              if (done == 60 && killed.compareAndSet(false, true)) {
                grid.terminate(victim);
              }
            });

    assertThat(killed).isTrue();
    assertNeverOversoldAndAllOrNothing(results);
    for (Order acknowledged : ShoppingRun.placedOrders(results)) {
      assertThat(maps.orders().get(acknowledged.id()))
          .as("acknowledged order %s", acknowledged.id())
          .isEqualTo(acknowledged);
    }
    // checkouts that failed midway left at most holds that expire; one sweep past expiry clears
    // them
    clock.advance(Doors.HOLD_FOR.plus(Duration.ofSeconds(1)));
    doors.orders().sweep();
    GridInvariants.assertConsistent(maps);
    assertThat(maps.inventory().values())
        .allSatisfy(stock -> assertThat(stock.reserved()).isZero());
  }

  /** Per product, the units of all placed orders fit the stock, and nothing else is held. */
  private void assertNeverOversoldAndAllOrNothing(List<Result> results) {
    Map<StockKey, Integer> placedUnits = new HashMap<>();
    for (Order order : ShoppingRun.placedOrders(results)) {
      for (OrderLine line : order.lines()) {
        placedUnits.merge(new StockKey(order.storeId(), line.sku()), line.quantity(), Integer::sum);
      }
    }
    for (int i = 0; i < 20; i++) {
      StockKey key = new StockKey(ShoppingRun.STORE, ShoppingRun.sku(i));
      Stock stock = maps.inventory().get(key);
      assertThat(stock.onHand()).isEqualTo(6);
      assertThat(placedUnits.getOrDefault(key, 0))
          .as("units sold of %s", key)
          .isLessThanOrEqualTo(stock.onHand());
      for (Result result : results) {
        if (result.isShort()) {
          String orderId = result.orderId(maps);
          assertThat(stock.holdOf(orderId)).as("short order %s holds nothing", orderId).isEmpty();
        }
      }
    }
  }
}
