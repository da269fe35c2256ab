package dev.gridcommerce.grid.persistence;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.ConfirmedWrites;
import dev.gridcommerce.grid.testing.TestGrid;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member is killed (no migration, no flush) while a client writes orders: its write-behind queues
 * live on in the backups, so after the rest of the cluster stops gracefully every acknowledged
 * write is in PostgreSQL.
 */
class MemberLossPersistenceTest {

  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void everyAcknowledgedWriteReachesPostgresAfterAMemberDies() {
    List<String> acknowledged = new ArrayList<>();
    try (TestGrid grid = TestGrid.persistingTo(db.database()).writeDelay(5).start(3)) {
      HazelcastInstance client = grid.client();
      GridMaps maps = new GridMaps(client);
      for (int i = 0; i < 400; i++) {
        if (i == 200) {
          grid.terminate(grid.member(1));
        }
        Order order = anOrder().id("order-" + i).shopper("shopper-" + (i % 17)).build();
        ConfirmedWrites.set(maps.orders(), order.id(), order);
        acknowledged.add(order.id());
      }
      grid.shutdown();
    }

    List<String> stored = db.database().jdbc().queryForList("SELECT id FROM orders", String.class);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
  }
}
