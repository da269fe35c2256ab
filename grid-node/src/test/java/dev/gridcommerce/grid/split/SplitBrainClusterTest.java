package dev.gridcommerce.grid.split;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static com.hazelcast.test.HazelcastTestSupport.closeConnectionBetween;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import com.hazelcast.test.SplitBrainTestSupport;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.checkout.Checkout;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.order.PaymentOutcome;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.GridInvariants;
import dev.gridcommerce.grid.testing.ShoppingRun;
import dev.gridcommerce.grid.testing.TestClock;
import dev.gridcommerce.grid.testing.TestGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network split of a 3-member cluster (2 + 1) while shoppers buy on both sides. Once the split is
 * detected the lone member refuses stock changes (split-brain protection: a majority of 3); after
 * the split heals and the sides merge, and every open order is paid, no product is sold beyond its
 * units on hand.
 */
class SplitBrainClusterTest {

  private static final ShoppingRun RUN = new ShoppingRun(10, 8, 120, 2);

  private final TestClock clock = new TestClock();
  private TestGrid grid;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().firewalled();
    Config config = grid.config();
    GridConfigs.requireMajority(config, 3);
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "3");
    config.setProperty("hazelcast.operation.call.timeout.millis", "5000");
    grid.start(3);
    RUN.stock(grid.doors(clock));
    RUN.fillCarts(grid.doors(clock));
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void theMinorityRefusesStockChangesAndAfterTheMergeNothingIsOversold() throws Exception {
    HazelcastInstance a = grid.member(0);
    HazelcastInstance b = grid.member(1);
    HazelcastInstance lone = grid.member(2);

    split(List.of(a, b), lone);
    List<Attempt> duringDetection = shop(List.of(a, lone), 0, 40);
    assertClusterSizeEventually(2, a, b);
    assertClusterSizeEventually(1, lone);
    List<Attempt> majority = shop(List.of(a), 40, 80);
    List<Attempt> minority = shop(List.of(lone), 80, 120);

    // the lone member places nothing: its stock changes are refused by split-brain protection
    // (or the cart or product a checkout needs lives on the other side, and it is refused)
    assertThat(minority)
        .noneSatisfy(
            attempt -> assertThat(attempt.outcome()).isInstanceOf(CheckoutOutcome.Placed.class));
    // and every stock change the lone member is asked for, of any product, is refused
    Inventory loneInventory = Doors.of(lone, clock).inventory();
    for (int product = 0; product < 10; product++) {
      StockKey key = new StockKey(ShoppingRun.STORE, ShoppingRun.sku(product));
      assertThatThrownBy(() ->
              loneInventory.holdAll(
                  List.of(new Inventory.HoldRequest(key, "lone-order", 1, clock.instant()))))
          .isInstanceOf(SplitBrainProtectionException.class);
    }
    assertThat(majority)
        .anySatisfy(
            attempt -> assertThat(attempt.outcome()).isInstanceOf(CheckoutOutcome.Placed.class));

    heal(List.of(a, b), lone);
    assertClusterSizeEventually(3, a, b, lone);

    GridMaps maps = new GridMaps(a);
    Orders orders = Doors.of(a, clock).orders();
    List<Order> open = List.copyOf(maps.orders().values());
    for (Order order : open) {
      assertThat(orders.paid(order.id(), new PaymentReference("test", "pay-" + order.id())))
          .isIn(PaymentOutcome.PAID, PaymentOutcome.REFUND_DUE, PaymentOutcome.ALREADY_PAID);
    }
    orders.sweep();

    Map<StockKey, Integer> paidUnits = new HashMap<>();
    for (Order order : maps.orders().values()) {
      if (order.status() == OrderStatus.PAID) {
        for (OrderLine line : order.lines()) {
          paidUnits.merge(new StockKey(order.storeId(), line.sku()), line.quantity(), Integer::sum);
        }
      }
    }
    maps.inventory()
        .forEach((key, stock) -> {
          assertThat(paidUnits.getOrDefault(key, 0))
              .as("units paid of %s", key)
              .isEqualTo(stock.sold());
          assertThat(stock.sold()).as("units sold of %s", key).isLessThanOrEqualTo(stock.onHand());
        });
    GridInvariants.assertConsistent(maps);
    assertThat(duringDetection).isNotEmpty();
  }

  private record Attempt(CheckoutOutcome outcome, RuntimeException failure) {}

  /** Shoppers {@code from} to {@code to} check out, spread over the given members. */
  private List<Attempt> shop(List<HazelcastInstance> via, int from, int to) throws Exception {
    List<Future<Attempt>> attempts = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int shopper = from; shopper < to; shopper++) {
        Checkout checkout = Doors.of(via.get(shopper % via.size()), clock).checkout();
        CheckoutRequest request =
            new CheckoutRequest(ShoppingRun.shopperId(shopper), ShoppingRun.keyOf(shopper), null);
        attempts.add(
            pool.submit(() -> {
              try {
                return new Attempt(checkout.place(request), null);
              } catch (RuntimeException e) {
                return new Attempt(null, e);
              }
            }));
      }
      List<Attempt> done = new ArrayList<>();
      for (Future<Attempt> attempt : attempts) {
        done.add(attempt.get(2, TimeUnit.MINUTES));
      }
      return done;
    }
  }

  private static void split(List<HazelcastInstance> majority, HazelcastInstance lone) {
    for (HazelcastInstance member : majority) {
      SplitBrainTestSupport.blockCommunicationBetween(member, lone);
    }
    for (HazelcastInstance member : majority) {
      closeConnectionBetween(member, lone);
    }
  }

  private static void heal(List<HazelcastInstance> majority, HazelcastInstance lone) {
    for (HazelcastInstance member : majority) {
      SplitBrainTestSupport.unblockCommunicationBetween(member, lone);
    }
  }
}
