package dev.gridcommerce.api.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email to shoppers and store staff: the shop's name and address (in every mail, and the order's
 * link), the sender, the SMTP server ({@code COMMERCE_SMTP_HOST} ...; no host: no mail is sent),
 * and the low-stock alert: when a product's available stock at a store falls below its threshold
 * ({@code lowStockThreshold}, or the store's own in {@code lowStockThresholds}), the store's staff
 * are told, again at the earliest after {@code lowStockRepeatAfter}.
 */
@ConfigurationProperties("commerce.notifications")
public record NotificationSettings(
    String shopName,
    String shopUrl,
    String from,
    Smtp smtp,
    int lowStockThreshold,
    Map<String, Integer> lowStockThresholds,
    Duration lowStockRepeatAfter,
    Webhooks webhooks) {

  /**
   * @param allowLoopback whether a webhook may go to this machine (tests, a local receiver)
   * @param allowPrivate whether a webhook may go to a private network (an integrator inside it)
   * @param firstRetry the pause before the first retry; each next one doubles, up to {@code
   *     maxRetryDelay}
   * @param giveUpAfter how long after its first attempt a failing delivery is given up
   */
  public record Webhooks(
      boolean allowLoopback,
      boolean allowPrivate,
      Duration connectTimeout,
      Duration readTimeout,
      Duration firstRetry,
      Duration maxRetryDelay,
      Duration giveUpAfter) {

    public Webhooks {
      connectTimeout = orElse(connectTimeout, Duration.ofSeconds(5));
      readTimeout = orElse(readTimeout, Duration.ofSeconds(10));
      firstRetry = orElse(firstRetry, Duration.ofSeconds(1));
      maxRetryDelay = orElse(maxRetryDelay, Duration.ofHours(1));
      giveUpAfter = orElse(giveUpAfter, Duration.ofHours(25));
      if (!connectTimeout.isPositive()
          || !readTimeout.isPositive()
          || !firstRetry.isPositive()
          || maxRetryDelay.compareTo(firstRetry) < 0
          || !giveUpAfter.isPositive()) {
        throw new IllegalArgumentException(
            "webhook timeouts and retries are positive, the longest pause no shorter than the first");
      }
    }

    /** The pause before retry {@code n} (1 = the first): doubling from the first, capped. */
    Duration retryDelay(int n) {
      Duration delay = firstRetry.multipliedBy(1L << Math.min(n - 1, 30));
      return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    private static Duration orElse(Duration value, Duration otherwise) {
      return value == null ? otherwise : value;
    }
  }

  /**
   * @param starttls whether to upgrade the connection with STARTTLS (required once asked for)
   */
  public record Smtp(
      String host,
      int port,
      String user,
      String password,
      boolean starttls,
      Duration connectTimeout,
      Duration readTimeout) {

    public Smtp {
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("commerce.notifications.smtp.port: " + port);
      }
    }

    boolean configured() {
      return host != null && !host.isBlank();
    }
  }

  public NotificationSettings {
    shopName = shopName == null || shopName.isBlank() ? "Grid Grocer" : shopName.strip();
    shopUrl = shopUrl == null || shopUrl.isBlank() ? "http://localhost:8080" : shopUrl.strip();
    while (shopUrl.endsWith("/")) {
      shopUrl = shopUrl.substring(0, shopUrl.length() - 1);
    }
    from = from == null || from.isBlank() ? "orders@commerce.local" : from.strip();
    smtp = smtp == null ? new Smtp(null, 25, null, null, false, null, null) : smtp;
    lowStockThresholds = lowStockThresholds == null ? Map.of() : Map.copyOf(lowStockThresholds);
    lowStockRepeatAfter = lowStockRepeatAfter == null ? Duration.ofHours(12) : lowStockRepeatAfter;
    if (lowStockThreshold < 0 || lowStockThresholds.values().stream().anyMatch(t -> t < 0)) {
      throw new IllegalArgumentException("low-stock thresholds are 0 (no alert) or more");
    }
  }

  /** Below how many available units the store's staff are alerted (0: never). */
  int lowStockThreshold(String storeId) {
    return lowStockThresholds.getOrDefault(storeId, lowStockThreshold);
  }
}
