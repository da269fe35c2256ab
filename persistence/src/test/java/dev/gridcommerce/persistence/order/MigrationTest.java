package dev.gridcommerce.persistence.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.domain.catalog.Money;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.domain.order.OrderEventType;
import dev.gridcommerce.domain.order.OrderLine;
import dev.gridcommerce.domain.order.PaymentReference;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.catalog.DarkStoreMapStore;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The V4 migration carries rows of the schema before it over: orders get their price breakdown,
 * line ids, a version and a timeline (PLACED, and an event for their status when they had moved
 * on), numbered in the event log; dark stores get a currency. Migrated orders load and store as new
 * ones do.
 */
class MigrationTest {

  private TestDatabase db;

  @BeforeEach
  void databaseAsItWasBeforeEvents() {
    db = TestDatabase.createAt("3");
    db.execute(
        """
        INSERT INTO dark_stores VALUES ('berlin-mitte', 'Berlin Mitte', 52.52, 13.405, 3, false);
        INSERT INTO orders (id, shopper_id, store_id, status, total_minor, currency, created_at,
                            expires_at, updated_at, pending_stock)
        VALUES ('open-1', 'ada', 'berlin-mitte', 'PENDING_PAYMENT', 507, 'EUR',
                '2026-11-20 10:00:00+00', '2026-11-20 10:10:00+00', '2026-11-20 10:00:00+00', 'NONE'),
               ('done-1', 'ada', 'berlin-mitte', 'DELIVERED', 199, 'EUR',
                '2026-11-19 09:00:00+00', '2026-11-19 09:10:00+00', '2026-11-19 09:40:00+00', 'NONE');
        INSERT INTO order_lines (order_id, line_no, sku, name, quantity, unit_price_minor)
        VALUES ('open-1', 0, 'FRU-00001', 'Apples', 2, 199),
               ('open-1', 1, 'DAI-00002', 'Milk', 1, 109),
               ('done-1', 0, 'FRU-00001', 'Apples', 1, 199);
        """);
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void existingOrdersAndStoresAreCarriedOverAndWorkAsNewOnes() {
    Database database = db.migrate();
    OrderMapStore orders = new OrderMapStore(database);

    Order open = orders.load("open-1");
    Order done = orders.load("done-1");

    assertThat(open.lines())
        .extracting(OrderLine::id, OrderLine::sku)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("L1", "FRU-00001"),
            org.assertj.core.groups.Tuple.tuple("L2", "DAI-00002"));
    assertThat(open.price().subtotal()).isEqualTo(Money.of(507, "EUR"));
    assertThat(open.total()).isEqualTo(Money.of(507, "EUR"));
    assertThat(open.events()).extracting(OrderEvent::type).containsExactly(OrderEventType.PLACED);
    assertThat(open.events().getFirst().at()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(done.events())
        .extracting(OrderEvent::type)
        .containsExactly(OrderEventType.PLACED, OrderEventType.DELIVERED);
    assertThat(done.version()).isEqualTo(2);
    assertThat(orders.eventLog().head()).isEqualTo(3);
    assertThat(orders.eventLog().after(0, 10))
        .extracting(logged -> logged.event().orderId())
        .containsExactly("done-1", "done-1", "open-1");
    assertThat(new DarkStoreMapStore(database).load("berlin-mitte").currency()).isEqualTo("EUR");

    Order paid =
        open.paid(
            new PaymentReference("test", "pay-1"), Instant.parse("2026-11-20T10:01:00Z"), "e2");
    orders.store(paid.id(), paid);

    assertThat(orders.load("open-1")).isEqualTo(paid);
    assertThat(orders.eventLog().after(3, 10))
        .singleElement()
        .satisfies(logged -> assertThat(logged.event().type()).isEqualTo(OrderEventType.PAID));
  }
}
