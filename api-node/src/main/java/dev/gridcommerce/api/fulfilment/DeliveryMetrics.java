package dev.gridcommerce.api.fulfilment;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.grid.order.OrderEventHandler;
import dev.gridcommerce.grid.order.Orders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * How well stores keep their promises, for Prometheus: each delivered order that carried a promise
 * counts as on time or late ({@code commerce_deliveries_total{store, on_time}}), and how far the
 * delivery was from the promise goes into {@code commerce_promise_error_seconds{store}} (positive:
 * late). Fed by a durable subscriber of the order events, so every delivery is counted once across
 * the API nodes (by whichever holds the subscriber's lease; Prometheus sums the nodes), whichever
 * node it was moved through.
 */
class DeliveryMetrics implements OrderEventHandler {

  static final String SUBSCRIBER = "delivery-metrics";

  private final Orders orders;
  private final MeterRegistry registry;

  DeliveryMetrics(Orders orders, MeterRegistry registry) {
    this.orders = orders;
    this.registry = registry;
  }

  @Override
  public void handle(OrderEvent event) {
    if (event.type() != OrderEventType.DELIVERED) {
      return;
    }
    Optional<Order> order = orders.find(event.orderId());
    if (order.isEmpty() || order.get().promisedAt() == null) {
      return; // delivered without a promise: nothing to measure
    }
    Duration late = Duration.between(order.get().promisedAt(), event.at());
    boolean onTime = !late.isPositive();
    Counter.builder("commerce.deliveries")
        .description("Delivered orders that carried a promise, on time or late")
        .tag("store", event.storeId())
        .tag("on_time", Boolean.toString(onTime))
        .register(registry)
        .increment();
    DistributionSummary.builder("commerce.promise.error")
        .description("Delivery time minus promised time (positive: late)")
        .baseUnit("seconds")
        .tag("store", event.storeId())
        .register(registry)
        .record(late.toMillis() / 1000.0);
  }
}
