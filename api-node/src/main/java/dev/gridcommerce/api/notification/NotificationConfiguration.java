package dev.gridcommerce.api.notification;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.notification.Notifications;
import dev.gridcommerce.grid.notification.OutboundUrls;
import dev.gridcommerce.grid.order.EventSubscription;
import dev.gridcommerce.grid.order.OrderEventHandler;
import dev.gridcommerce.grid.order.Orders;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification capability on API nodes: with an SMTP server configured, the durable {@code
 * email} subscriber of the order events (one instance at a time across the API nodes, on a thread
 * of its own, so a dead SMTP server never slows a checkout or a payment) sends the shoppers' mails
 * and the staff's low-stock alerts. While the server can't be reached the same event is tried
 * again, pausing longer each time (up to 10 s); nothing is skipped.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

  /** The durable subscriber's name: its checkpoint says how far mail has been sent. */
  static final String SUBSCRIBER = "email";

  /**
   * Longer than twice one event's mails can take against a slow server (the shopper's and a few
   * staff members', each up to 5 s to connect and 10 s per SMTP command), so no two API nodes send
   * them at once.
   */
  private static final Duration LEASE = Duration.ofMinutes(5);

  @Bean
  OutboundUrls outboundUrls(NotificationSettings settings) {
    return new OutboundUrls(
        settings.webhooks().allowLoopback(), settings.webhooks().allowPrivate());
  }

  @Bean
  Notifications notifications(HazelcastInstance grid, Clock clock, OutboundUrls urls) {
    return new Notifications(grid, clock, urls);
  }

  /** The webhook deliveries of each subscription, run on this node while it holds their lease. */
  @Bean(destroyMethod = "close")
  WebhookDispatcher webhookDispatcher(
      NotificationSettings settings,
      Orders orders,
      Notifications notifications,
      OutboundUrls urls,
      JsonMapper json,
      Clock clock) {
    WebhookSender sender = new WebhookSender(settings.webhooks(), urls, clock);
    return new WebhookDispatcher(
        orders,
        notifications,
        subscription ->
            new WebhookDeliveries(
                subscription, notifications, sender, json, settings.webhooks(), clock),
        Duration.ofSeconds(2),
        sender);
  }

  /** The mails of each order event, or nothing when no SMTP server is configured. */
  @Bean
  OrderEventHandler emailHandler(
      NotificationSettings settings,
      Orders orders,
      Inventory inventory,
      Catalog catalog,
      Accounts accounts,
      Notifications notifications) {
    if (!settings.smtp().configured()) {
      return event -> {};
    }
    MailTemplates templates = new MailTemplates();
    Mailer mailer = new Mailer(Mailer.sender(settings.smtp()), settings.from());
    OrderMails shopperMails =
        new OrderMails(accounts, catalog, notifications, templates, mailer, settings);
    LowStockAlerts lowStock =
        new LowStockAlerts(
            inventory, catalog, accounts, notifications, templates, mailer, settings);
    return event ->
        orders
            .find(event.orderId())
            .ifPresent(order -> {
              shopperMails.handle(event, order);
              lowStock.handle(event, order);
            });
  }

  /** Order events on Kafka, when a broker is configured: the durable {@code kafka} subscriber. */
  @Bean(destroyMethod = "close")
  AutoCloseable kafkaSubscription(KafkaSettings settings, Orders orders, JsonMapper json) {
    if (!settings.configured()) {
      return () -> {};
    }
    KafkaPublisher publisher = new KafkaPublisher(settings, json);
    EventSubscription subscription =
        orders.subscribe(
            "kafka",
            publisher,
            EventSubscription.Options.DEFAULT.withLease(
                KafkaPublisher.SEND_TIMEOUT.multipliedBy(4)));
    log.info("Order events to Kafka at {}, topic {}", settings.bootstrap(), settings.topic());
    return () -> {
      subscription.close();
      publisher.close();
    };
  }

  @Bean(destroyMethod = "close")
  AutoCloseable emailSubscription(
      NotificationSettings settings, Orders orders, OrderEventHandler emailHandler) {
    if (!settings.smtp().configured()) {
      log.info("No COMMERCE_SMTP_HOST: no mail is sent");
      return () -> {};
    }
    log.info(
        "Mail to shoppers and staff through {}:{}", settings.smtp().host(), settings.smtp().port());
    return orders.subscribe(
        SUBSCRIBER, emailHandler, EventSubscription.Options.DEFAULT.withLease(LEASE));
  }
}
