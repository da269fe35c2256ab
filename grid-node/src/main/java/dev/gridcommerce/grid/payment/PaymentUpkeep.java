package dev.gridcommerce.grid.payment;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.Orders;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment work a member does in the background: the {@code payments} subscriber of order events
 * ({@link PaymentFollowUp}), and a reconciliation every interval on the oldest member; both stop
 * when the member shuts down.
 */
final class PaymentUpkeep implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PaymentUpkeep.class);

  /** The durable subscriber's name: its checkpoint says how far refunds have been made. */
  static final String SUBSCRIBER = "payments";

  private final EventSubscription subscription;
  private final ScheduledExecutorService timer;

  private PaymentUpkeep(EventSubscription subscription, ScheduledExecutorService timer) {
    this.subscription = subscription;
    this.timer = timer;
  }

  static PaymentUpkeep start(
      HazelcastInstance member,
      Orders orders,
      Payments payments,
      PaymentFollowUp followUp,
      Duration reconcileEvery,
      Duration reconcileAfter) {
    EventSubscription subscription = orders.subscribe(SUBSCRIBER, followUp);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "payment-reconciler");
          thread.setDaemon(true);
          return thread;
        });
    timer.scheduleWithFixedDelay(
        () -> reconcileIfOldest(member, payments, reconcileAfter),
        reconcileEvery.toMillis(),
        reconcileEvery.toMillis(),
        TimeUnit.MILLISECONDS);
    PaymentUpkeep upkeep = new PaymentUpkeep(subscription, timer);
    member
        .getLifecycleService()
        .addLifecycleListener(event -> {
          if (event.getState() == LifecycleState.SHUTTING_DOWN) {
            upkeep.close();
          }
        });
    log.info(
        "Payments: refunds follow the order events; unpaid orders older than {} s are reconciled"
            + " with the provider every {} s",
        reconcileAfter.toSeconds(),
        reconcileEvery.toSeconds());
    return upkeep;
  }

  private static void reconcileIfOldest(
      HazelcastInstance member, Payments payments, Duration reconcileAfter) {
    try {
      Member oldest = member.getCluster().getMembers().iterator().next();
      if (!oldest.localMember()) {
        return;
      }
      Reconciliation found = payments.reconcile(reconcileAfter);
      if (found.didSomething()) {
        log.info("Payment reconciliation: {}", found);
      }
    } catch (RuntimeException e) {
      log.warn("Payment reconciliation skipped: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    subscription.close();
  }
}
