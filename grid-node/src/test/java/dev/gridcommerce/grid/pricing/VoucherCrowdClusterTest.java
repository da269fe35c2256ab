package dev.gridcommerce.grid.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.checkout.CheckoutOutcome;
import dev.gridcommerce.domain.checkout.CheckoutOutcome.Refusal;
import dev.gridcommerce.domain.checkout.CheckoutRequest;
import dev.gridcommerce.domain.fixtures.VoucherFixtures;
import dev.gridcommerce.domain.inventory.Stock;
import dev.gridcommerce.domain.inventory.StockKey;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.domain.pricing.Voucher;
import dev.gridcommerce.grid.order.PaymentOutcome;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.testing.Doors;
import dev.gridcommerce.grid.testing.TestGrid;
import java.time.Instant;
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
 * A crowd of shoppers races for a voucher limited to 100 redemptions on a 3-member cluster, through
 * clients as the API nodes do: exactly the limit is held, the losers hold no stock, and uses that
 * are released (an unpaid order cancelled) or given back (a paid order cancelled) are redeemed by
 * the next crowd, never more than the limit.
 */
class VoucherCrowdClusterTest {

  private static final String STORE = "berlin-mitte";
  private static final String SKU = "SNA-00001";
  private static final StockKey KEY = new StockKey(STORE, SKU);
  private static final String CODE = "FIRST100";
  private static final int LIMIT = 100;

  private TestGrid grid;
  private List<Doors> doors;

  @BeforeEach
  void startCluster() {
    grid = TestGrid.inMemory().start(3);
    doors =
        List.of(grid.client(), grid.client()).stream()
            .map(client -> Doors.of(client, GridClock.system()))
            .toList();
    Doors first = doors.getFirst();
    first.openShop(STORE, SKU, 1000);
    grid.maps().inventory().put(KEY, Stock.of(5_000));
    Instant now = Instant.now();
    first.vouchers().create(VoucherFixtures.percentOff(CODE.toLowerCase(), 1000, LIMIT, 1, now));
  }

  @AfterEach
  void stopCluster() {
    grid.close();
  }

  @Test
  void aThousandShoppersRacingForAHundredRedemptionsGetExactlyAHundred() throws Exception {
    List<CheckoutOutcome> outcomes = crowd("first", 1_000);

    List<Order> placed = placed(outcomes);
    assertThat(placed).hasSize(LIMIT);
    assertThat(placed).allSatisfy(order -> assertThat(order.voucherCode()).isEqualTo(CODE));
    assertThat(placed)
        .allSatisfy(order -> assertThat(order.total()).isEqualTo(Money.of(900, "EUR")));
    assertThat(outcomes)
        .filteredOn(CheckoutOutcome.Refused.class::isInstance)
        .hasSize(1_000 - LIMIT)
        .allSatisfy(refused ->
            assertThat(((CheckoutOutcome.Refused) refused).reason())
                .isEqualTo(Refusal.VOUCHER_UNAVAILABLE));
    assertThat(voucher().usesAt(Instant.now())).isEqualTo(LIMIT);
    assertThat(voucher().uses())
        .extracting(use -> use.orderId())
        .containsExactlyInAnyOrderElementsOf(placed.stream().map(Order::id).toList());
    // the shoppers refused hold nothing: only the 100 orders hold a unit each
    assertThat(grid.maps().inventory().get(KEY).reserved()).isEqualTo(LIMIT);
  }

  @Test
  void releasedAndGivenBackUsesAreRedeemedAgainButNeverPastTheLimit() throws Exception {
    List<Order> placed = placed(crowd("first", 300));
    assertThat(placed).hasSize(LIMIT);
    Doors through = doors.getFirst();

    List<Order> paid = placed.subList(0, 50);
    for (Order order : paid) {
      assertThat(
              through.orders().paid(order.id(), new PaymentReference("stripe", "pi_" + order.id())))
          .isEqualTo(PaymentOutcome.PAID);
    }
    for (Order order : placed.subList(50, 80)) {
      assertThat(through.orders().cancelForShopper(order.shopperId(), order.id()).changed())
          .isTrue();
    }
    // a paid order cancelled before picking gives its redemption back
    Order cancelledPaid = paid.getFirst();
    assertThat(
            through
                .orders()
                .cancelForShopper(cancelledPaid.shopperId(), cancelledPaid.id())
                .order())
        .extracting(Order::status)
        .isEqualTo(OrderStatus.CANCELLED);

    Voucher afterwards = voucher();
    assertThat(afterwards.uses().stream().filter(use -> use.redeemed())).hasSize(49);
    assertThat(afterwards.usesAt(Instant.now())).isEqualTo(49 + 20);

    List<Order> second = placed(crowd("second", 200));
    assertThat(second).hasSize(30 + 1);
    assertThat(voucher().usesAt(Instant.now())).isEqualTo(LIMIT);
    assertThat(placed(crowd("third", 50))).isEmpty();
  }

  @Test
  void aCartAVoucherMakesFreeIsRefusedAndHoldsNothing() {
    Instant now = Instant.now();
    Doors through = doors.getFirst();
    through.vouchers().create(VoucherFixtures.percentOff("ALLFREE", 10_000, 10, 1, now));
    through.carts().chooseStore("lucky", STORE);
    through.carts().setQuantity("lucky", SKU, 1);
    through.carts().useVoucher("lucky", "allfree");

    CheckoutOutcome outcome = through.checkout().place(new CheckoutRequest("lucky", null, null));

    assertThat(outcome).isInstanceOf(CheckoutOutcome.Refused.class);
    assertThat(((CheckoutOutcome.Refused) outcome).reason()).isEqualTo(Refusal.NOTHING_TO_PAY);
    assertThat(through.vouchers().voucher("ALLFREE").orElseThrow().usesAt(now)).isZero();
    assertThat(grid.maps().inventory().get(KEY).reserved()).isZero();
  }

  private Voucher voucher() {
    return doors.getFirst().vouchers().voucher(CODE).orElseThrow();
  }

  private static List<Order> placed(List<CheckoutOutcome> outcomes) {
    return outcomes.stream()
        .filter(CheckoutOutcome.Placed.class::isInstance)
        .map(o -> ((CheckoutOutcome.Placed) o).order())
        .toList();
  }

  /** Fills one cart per shopper with the voucher, then lets all of them check out at once. */
  private List<CheckoutOutcome> crowd(String name, int shoppers) throws Exception {
    for (int i = 0; i < shoppers; i++) {
      Doors through = doors.get(i % doors.size());
      String shopper = name + "-" + i;
      through.carts().chooseStore(shopper, STORE);
      through.carts().setQuantity(shopper, SKU, 1);
      through.carts().useVoucher(shopper, "first100");
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<CheckoutOutcome>> checkouts = new ArrayList<>();
    for (int i = 0; i < shoppers; i++) {
      String shopper = name + "-" + i;
      var checkout = doors.get(i % doors.size()).checkout();
      checkouts.add(() -> {
        start.await();
        return checkout.place(new CheckoutRequest(shopper, null, null));
      });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
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
