package dev.gridcommerce.grid.payment;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.Orders;
import dev.gridcommerce.grid.support.OnOldestMember;
import java.time.Duration;
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

  /**
   * Longer than twice the longest call to Stripe (3 tries of 2 s to connect and 10 s to answer), so
   * one instance at a time reads for the subscriber even while Stripe is slow.
   */
  private static final Duration LEASE = Duration.ofSeconds(90);

  private final EventSubscription subscription;
  private final OnOldestMember reconciliation;

  private PaymentUpkeep(EventSubscription subscription, OnOldestMember reconciliation) {
    this.subscription = subscription;
    this.reconciliation = reconciliation;
  }

  static PaymentUpkeep start(
      HazelcastInstance member,
      Orders orders,
      Payments payments,
      PaymentFollowUp followUp,
      Duration reconcileEvery,
      Duration reconcileAfter) {
    EventSubscription subscription =
        orders.subscribe(SUBSCRIBER, followUp, EventSubscription.Options.DEFAULT.withLease(LEASE));
    OnOldestMember reconciliation =
        OnOldestMember.every(
            member,
            reconcileEvery,
            "payment reconciliation",
            () -> {
              Reconciliation found = payments.reconcile(reconcileAfter);
              if (found.didSomething()) {
                log.info("Payment reconciliation: {}", found);
              }
            });
    PaymentUpkeep upkeep = new PaymentUpkeep(subscription, reconciliation);
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

  @Override
  public void close() {
    reconciliation.close();
    subscription.close();
  }
}
