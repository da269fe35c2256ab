package dev.gridcommerce.api.notification;

import dev.gridcommerce.domain.account.Account;
import dev.gridcommerce.domain.catalog.DarkStore;
import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.notification.Notifications;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shopper's mails, one per event that a shopper is told of: the order confirmed once paid
 * (lines, prices, total, store), a failed payment (and how to pay again), packed with lines short
 * (what was replaced or refunded; an order packed in full sends nothing), out for delivery,
 * delivered, not delivered, cancelled, refunded in full or in part (with the amount refunded so
 * far). Each mail is sent once per event and recipient: a redelivered event finds it sent ({@link
 * Notifications}) and sends nothing.
 */
final class OrderMails {

  private static final Logger log = LoggerFactory.getLogger(OrderMails.class);

  /** The template of each event type a shopper is told of. */
  private static final Map<OrderEventType, String> TEMPLATES =
      Map.of(
          OrderEventType.PAID, "order-paid",
          OrderEventType.PAYMENT_FAILED, "payment-failed",
          OrderEventType.OUT_FOR_DELIVERY, "out-for-delivery",
          OrderEventType.DELIVERED, "delivered",
          OrderEventType.PACKED, "packed-short",
          OrderEventType.FAILED_DELIVERY, "not-delivered",
          OrderEventType.CANCELLED, "cancelled",
          OrderEventType.REFUNDED, "refunded",
          OrderEventType.REFUND_RECORDED, "refunded");

  private final Accounts accounts;
  private final Catalog catalog;
  private final Notifications notifications;
  private final MailTemplates templates;
  private final Mailer mailer;
  private final NotificationSettings settings;

  OrderMails(
      Accounts accounts,
      Catalog catalog,
      Notifications notifications,
      MailTemplates templates,
      Mailer mailer,
      NotificationSettings settings) {
    this.accounts = accounts;
    this.catalog = catalog;
    this.notifications = notifications;
    this.templates = templates;
    this.mailer = mailer;
    this.settings = settings;
  }

  /** The shopper's mail of {@code event}, if it is one they are told of; {@code order} as it is. */
  void handle(OrderEvent event, Order order) {
    String template = TEMPLATES.get(event.type());
    boolean packedInFull =
        event.type() == OrderEventType.PACKED
            && order.lines().stream().noneMatch(OrderLine::isShort);
    if (template == null || packedInFull) {
      return;
    }
    Optional<Account> shopper = accounts.byId(event.shopperId());
    if (shopper.isEmpty()) {
      log.warn("no mail for event {}: shopper {} unknown", event.id(), event.shopperId());
      return;
    }
    String key = "mail:" + event.id() + ":" + shopper.get().email();
    if (notifications.alreadySent(key)) {
      return;
    }
    MailTemplates.Mail mail = templates.render(template, model(event, order, shopper.get()));
    mailer.send(shopper.get().email(), mail);
    notifications.sent(key);
  }

  private Map<String, Object> model(OrderEvent event, Order order, Account shopper) {
    Map<String, Object> model = common(settings);
    model.put("name", shopper.name());
    model.put("orderId", order.id());
    model.put("orderUrl", settings.shopUrl() + "/orders/" + order.id());
    model.put("store", catalog.store(order.storeId()).map(DarkStore::name).orElse(order.storeId()));
    model.put(
        "lines",
        order.lines().stream()
            .map(line ->
                Map.of(
                    "name", line.name(),
                    "quantity", line.quantity(),
                    "unitPrice", money(line.unitPrice()),
                    "total", money(line.total())))
            .toList());
    model.put("subtotal", money(order.price().subtotal()));
    model.put("deliveryFee", money(order.price().deliveryFee()));
    model.put("tax", money(order.price().tax()));
    model.put("total", money(order.total()));
    model.put("refunded", money(order.refunded()));
    model.put("reason", event.note());
    model.put(
        "changes",
        order.lines().stream().filter(OrderLine::isShort).map(OrderLine::shortfall).toList());
    Money credit = order.goodsCredit();
    model.put("credit", credit.isPositive() ? money(credit) : null);
    model.put("expiresAt", order.expiresAt().toString());
    return model;
  }

  /** What every mail shows: the shop's name and address. */
  static Map<String, Object> common(NotificationSettings settings) {
    Map<String, Object> model = new HashMap<>();
    model.put("shopName", settings.shopName());
    model.put("shopUrl", settings.shopUrl());
    model.put("lines", List.of());
    return model;
  }

  /** An amount as shoppers read it: {@code 4.99 EUR}. */
  static String money(Money money) {
    return Money.format(money);
  }
}
