package dev.gridcommerce.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param seed whether to fill an empty grid with the demo catalog and accounts
 * @param adminEmail sign-in of the ADMIN account
 * @param adminPassword its password ({@code COMMERCE_ADMIN_PASSWORD})
 * @param staffPassword password of every store's STAFF and RIDER account ({@code
 *     COMMERCE_STAFF_PASSWORD})
 */
@ConfigurationProperties("commerce.demo")
public record DemoSettings(
    boolean seed, String adminEmail, String adminPassword, String staffPassword) {

  public static String staffEmail(String storeId) {
    return "staff." + storeId + "@commerce.local";
  }

  public static String riderEmail(String storeId) {
    return "rider." + storeId + "@commerce.local";
  }
}
