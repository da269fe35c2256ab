package dev.gridcommerce.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient.Response;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.grid.order.Orders;
import java.util.Map;

/**
 * Shoppers buying over HTTP at one store: the shopper checks out, the payment is made through the
 * grid's orders door (as the Stripe webhook would), and the store's staff may deliver the order.
 */
public record Purchases(ApiClient staff, Orders orders, String storeId) {

  /** Purchases at the store, its staff signed in with the demo's staff account. */
  public static Purchases atStore(ApiClient anonymous, Orders orders, String storeId) {
    return new Purchases(
        anonymous.login("staff." + storeId + "@commerce.local", "staff-demo-password"),
        orders,
        storeId);
  }

  /** Stocks the product with {@code units} more units at the store. */
  public void stock(String sku, int units) {
    Response received =
        staff.post(
            "/api/v1/stores/" + storeId + "/stock/" + sku + "/adjustments",
            Map.of("delta", units, "reason", "DELIVERY"));
    assertThat(received.status()).as(received.text()).isEqualTo(200);
  }

  /** The shopper buys {@code quantity} of the product and pays; answers the order id. */
  public String buy(ApiClient shopper, String sku, int quantity) {
    shopper.put("/api/v1/cart/store", Map.of("storeId", storeId));
    shopper.put("/api/v1/cart/items/" + sku, Map.of("quantity", quantity));
    Response placed = shopper.post("/api/v1/checkout", null);
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    String orderId = placed.body().get("id").asString();
    orders.paid(orderId, new PaymentReference("test", "pay-" + orderId));
    return orderId;
  }

  /** The store's staff pick, dispatch and deliver the paid order. */
  public void deliver(String orderId) {
    for (String status : new String[] {"PICKING", "PACKED", "OUT_FOR_DELIVERY", "DELIVERED"}) {
      Response moved =
          staff.post(
              "/api/v1/stores/" + storeId + "/orders/" + orderId + "/status",
              Map.of("status", status));
      assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    }
  }
}
