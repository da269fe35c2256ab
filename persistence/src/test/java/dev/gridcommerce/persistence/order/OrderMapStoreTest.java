package dev.gridcommerce.persistence.order;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderStatus;
import dev.gridcommerce.persistence.MapStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderMapStoreTest extends MapStoreContract<String, Order> {

  OrderMapStoreTest() {
    super(OrderMapStore::new, "orders");
  }

  @Override
  protected Map.Entry<String, Order> sample(int n) {
    String id = "order-" + n;
    return Map.entry(
        id,
        anOrder()
            .id(id)
            .line("FRU-00001", 2, 199)
            .line("DAI-00002", 1, 349)
            .line("BAK-00003", 5, 89)
            .build());
  }

  @Test
  void statusChangeIsStoredAndTheLinesStayAsPlaced() {
    Order placed = sampleEntries(1).values().iterator().next();
    store.store(placed.id(), placed);

    Order paid = placed.movedTo(OrderStatus.PAID, Instant.parse("2026-11-21T12:01:00Z"));
    store.store(paid.id(), paid);

    assertThat(store.load(placed.id())).isEqualTo(paid);
    assertThat(
            db.database()
                .jdbc()
                .queryForObject(
                    "SELECT count(*) FROM order_lines WHERE order_id = ?", Long.class, placed.id()))
        .isEqualTo(3);
  }

  @Test
  void onlyOpenOrdersAndThoseWithStockToApplyAreLoadedWhenAMemberStarts() {
    Order open = anOrder().id("open-order").status(OrderStatus.PICKING).build();
    Order delivered = anOrder().id("delivered-order").status(OrderStatus.DELIVERED).build();
    Order expired = anOrder().id("expired-order").status(OrderStatus.EXPIRED).build();
    store.storeAll(Map.of(open.id(), open, delivered.id(), delivered, expired.id(), expired));

    assertThat(store.loadAllKeys())
        .contains("open-order")
        .doesNotContain("delivered-order", "expired-order");
    assertThat(store.load("delivered-order")).isEqualTo(delivered);
  }
}
