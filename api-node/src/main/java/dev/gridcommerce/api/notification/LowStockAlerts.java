package dev.gridcommerce.api.notification;

import dev.gridcommerce.domain.catalog.Product;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.grid.account.Accounts;
import dev.gridcommerce.grid.catalog.Catalog;
import dev.gridcommerce.grid.inventory.Inventory;
import dev.gridcommerce.grid.notification.Notifications;
import java.util.List;
import java.util.Map;

/**
 * The store staff's low-stock alert: as orders take stock (placed, or paid late), each of their
 * products whose available units at the store fell below the store's threshold is mailed to the
 * store's staff, once per product and recipient until {@code lowStockRepeatAfter} has passed. The
 * stock is read when the alert is considered, so one that is already above the threshold again by
 * then (received meanwhile) alerts nobody.
 */
final class LowStockAlerts {

  private final Inventory inventory;
  private final Catalog catalog;
  private final Accounts accounts;
  private final Notifications notifications;
  private final MailTemplates templates;
  private final Mailer mailer;
  private final NotificationSettings settings;

  LowStockAlerts(
      Inventory inventory,
      Catalog catalog,
      Accounts accounts,
      Notifications notifications,
      MailTemplates templates,
      Mailer mailer,
      NotificationSettings settings) {
    this.inventory = inventory;
    this.catalog = catalog;
    this.accounts = accounts;
    this.notifications = notifications;
    this.templates = templates;
    this.mailer = mailer;
    this.settings = settings;
  }

  /** Alerts for the products of {@code order} that {@code event} took below the threshold. */
  void handle(OrderEvent event, Order order) {
    int threshold = settings.lowStockThreshold(event.storeId());
    if (threshold == 0
        || (event.type() != OrderEventType.PLACED && event.type() != OrderEventType.PAID)) {
      return;
    }
    List<String> skus = order.lines().stream().map(OrderLine::sku).toList();
    Map<String, Integer> available = inventory.available(event.storeId(), skus);
    available.forEach((sku, units) -> {
      if (units < threshold) {
        alert(event.storeId(), sku, units, threshold);
      }
    });
  }

  private void alert(String storeId, String sku, int available, int threshold) {
    Map<String, Object> model = OrderMails.common(settings);
    model.put("sku", sku);
    model.put("product", catalog.product(sku).map(Product::name).orElse(sku));
    model.put("available", available);
    model.put("threshold", threshold);
    model.put("store", catalog.store(storeId).map(store -> store.name()).orElse(storeId));
    model.put("stockUrl", settings.shopUrl() + "/staff");
    MailTemplates.Mail mail = null;
    for (String staff : accounts.staffOf(storeId)) {
      String key = "low-stock:" + storeId + ":" + sku + ":" + staff;
      if (notifications.alreadySent(key)) {
        continue; // this one has it (a retry after a later recipient failed)
      }
      mail = mail == null ? templates.render("low-stock", model) : mail;
      mailer.send(staff, mail);
      notifications.sent(key, settings.lowStockRepeatAfter().toSeconds());
    }
  }
}
