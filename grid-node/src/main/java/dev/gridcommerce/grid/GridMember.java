package dev.gridcommerce.grid;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.notification.OutboundUrls;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.payment.Payments;
import dev.gridcommerce.grid.payment.StripeGateway;
import dev.gridcommerce.grid.support.GridClock;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.support.LogFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A grid node: one Hazelcast member that owns its share of every map, runs the entry processors
 * next to the data and writes behind to PostgreSQL. Started by {@code bin/cluster}; stops
 * gracefully on SIGTERM (see the shutdown-hook policy in {@code config/hazelcast-grid.yaml}).
 */
public final class GridMember {

  private static final Logger log = LoggerFactory.getLogger(GridMember.class);

  private GridMember() {}

  public static void main(String[] args) {
    LogFormat.of(System.getenv()); // the log configuration reads it: refuse one it doesn't know
    long started = System.nanoTime();
    Config config = GridConfigs.member();
    HazelcastInstance member = start(config);
    StripeGateway.Settings.fromEnvironment(System.getenv())
        .ifPresentOrElse(
            stripe -> followPayments(member, MemberSettings.of(config), stripe),
            () ->
                log.info("No STRIPE_SECRET_KEY: this member makes no refunds or reconciliations"));
    GridMetrics.serve(member);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "Grid member {} ready in {} ms: cluster '{}' has {} member(s)",
        member.getCluster().getLocalMember().getAddress(),
        took.toMillis(),
        member.getConfig().getClusterName(),
        member.getCluster().getMembers().size());
  }

  /**
   * Starts a member and waits until the maps that load eagerly (catalog, stores, inventory) are in
   * memory, logging how many entries each holds; then starts the orders' housekeeping (sweep and
   * eviction, on the oldest member) with the member's {@link MemberSettings}, and the measuring of
   * the backlogs ({@link BacklogMetrics}, on the oldest member too).
   */
  public static HazelcastInstance start(Config config) {
    MemberSettings settings = MemberSettings.of(config);
    HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
    awaitMajority(member, config);
    // The loads run side by side: each waits on its own map's loading rounds.
    List<CompletableFuture<Void>> loads =
        GridMaps.EAGER.stream()
            .map(name -> CompletableFuture.runAsync(() -> awaitLoaded(member, name)))
            .toList();
    loads.forEach(CompletableFuture::join);
    GridMetrics.register(member);
    Clock clock = GridClock.system();
    Orders orders = new Orders(member, clock, new Inventory(member, clock));
    orders.keepTidy(settings.sweepInterval(), settings.closedOrderRetention());
    // counting deliveries sends none: no URL is checked
    BacklogMetrics.start(
        member, orders, new Notifications(member, clock, new OutboundUrls(false, false)));
    return member;
  }

  /**
   * Starts the member's payment upkeep: refunds and cancelled intents following the order events,
   * and reconciliation with Stripe.
   */
  private static void followPayments(
      HazelcastInstance member, MemberSettings settings, StripeGateway.Settings stripe) {
    Clock clock = GridClock.system();
    new Payments(
            new Orders(member, clock, new Inventory(member, clock)),
            new StripeGateway(stripe),
            clock)
        .followOrders(member, settings.reconcileEvery(), settings.reconcileAfter());
    log.info("Payments through {}", stripe.apiBase());
  }

  /**
   * Waits until a majority of the expected members has joined: before that, the stock and order
   * maps refuse writes, the initial load from PostgreSQL among them.
   */
  private static void awaitMajority(HazelcastInstance member, Config config) {
    var protection = config.getSplitBrainProtectionConfig(GridConfigs.STOCK_MAJORITY);
    if (!protection.isEnabled()) {
      return;
    }
    int needed = protection.getMinimumClusterSize();
    long waitingSince = System.nanoTime();
    long lastReport = 0;
    while (member.getCluster().getMembers().size() < needed) {
      long waited = Duration.ofNanos(System.nanoTime() - waitingSince).toSeconds();
      if (waited >= lastReport + 5) {
        lastReport = waited;
        log.info(
            "Waiting for a majority of the grid: {} of {} members here ({} s)",
            member.getCluster().getMembers().size(),
            needed,
            waited);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the grid's majority", e);
      }
    }
  }

  private static void awaitLoaded(HazelcastInstance member, String name) {
    long started = System.nanoTime();
    int size = member.getMap(name).size();
    log.info(
        "Map '{}' loaded: {} entries in {} ms",
        name,
        size,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }
}
