package dev.gridcommerce.grid.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.TestGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many shoppers at once check out the last units of one product on a 3-member cluster, through
 * clients as the API nodes do: the stock goes to exactly as many shoppers as there are units.
 */
class LastUnitsClusterTest {

  private static final String STORE = "berlin-mitte";
  private static final String SKU = "SNA-00001";
  private static final StockKey KEY = new StockKey(STORE, SKU);

  private TestGrid grid;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    grid.doors(GridClock.system()).openShop(STORE, SKU, 199);
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void fiftyShoppersBuyingTheLastTenUnitsSellExactlyTen() throws Exception {
    grid.maps().inventory().put(KEY, Stock.of(10));
    List<HazelcastInstance> clients = List.of(grid.client(), grid.client());

    List<CheckoutOutcome> outcomes = checkOutConcurrently(clients, 50, shopper -> 1);

    List<Order> placed = placed(outcomes);
    assertThat(placed).hasSize(10);
    assertThat(outcomes.stream().filter(CheckoutOutcome.Short.class::isInstance)).hasSize(40);
    Stock stock = grid.maps().inventory().get(KEY);
    assertThat(stock.reserved()).isEqualTo(10);
    assertThat(stock.available()).isZero();
    assertThat(stock.holds())
        .extracting(h -> h.orderId())
        .containsExactlyInAnyOrderElementsOf(placed.stream().map(Order::id).toList());
    assertThat(grid.maps().orders().size()).isEqualTo(10);
  }

  @Test
  void shoppersWantingSeveralUnitsNeverTakeMoreThanIsOnHand() throws Exception {
    grid.maps().inventory().put(KEY, Stock.of(10));
    List<HazelcastInstance> clients = List.of(grid.client());

    List<CheckoutOutcome> outcomes = checkOutConcurrently(clients, 50, shopper -> 1 + shopper % 3);

    int unitsSold = placed(outcomes).stream().mapToInt(Order::units).sum();
    Stock stock = grid.maps().inventory().get(KEY);
    assertThat(unitsSold).isEqualTo(stock.reserved()).isLessThanOrEqualTo(10);
    // stock only goes down here, so what is left is less than any request that was refused
    int smallestRefused =
        outcomes.stream()
            .filter(CheckoutOutcome.Short.class::isInstance)
            .flatMap(o -> ((CheckoutOutcome.Short) o).shortLines().stream())
            .mapToInt(line -> line.requested())
            .min()
            .orElseThrow();
    assertThat(stock.available()).isLessThan(smallestRefused);
  }

  private interface Quantity {
    int of(int shopper);
  }

  private static List<Order> placed(List<CheckoutOutcome> outcomes) {
    return outcomes.stream()
        .filter(CheckoutOutcome.Placed.class::isInstance)
        .map(o -> ((CheckoutOutcome.Placed) o).order())
        .toList();
  }

  /** Fills one cart per shopper, then lets every shopper check out at the same moment. */
  private List<CheckoutOutcome> checkOutConcurrently(
      List<HazelcastInstance> clients, int shoppers, Quantity quantity) throws Exception {
    List<Doors> doors =
        clients.stream().map(client -> Doors.of(client, GridClock.system())).toList();
    for (int i = 0; i < shoppers; i++) {
      Doors through = doors.get(i % doors.size());
      through.carts().chooseStore("shopper-" + i, STORE);
      through.carts().setQuantity("shopper-" + i, SKU, quantity.of(i));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<CheckoutOutcome>> checkouts = new ArrayList<>();
    for (int i = 0; i < shoppers; i++) {
      int shopper = i;
      Checkout checkout = doors.get(i % doors.size()).checkout();
      checkouts.add(() -> {
        start.await();
        return checkout.place(new CheckoutRequest("shopper-" + shopper, null, null));
      });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(shoppers)) {
      List<Future<CheckoutOutcome>> futures = checkouts.stream().map(pool::submit).toList();
      start.countDown();
      List<CheckoutOutcome> outcomes = new ArrayList<>();
      for (Future<CheckoutOutcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    }
  }
}
