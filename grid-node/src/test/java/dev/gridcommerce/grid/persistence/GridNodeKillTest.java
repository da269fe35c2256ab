package dev.gridcommerce.grid.persistence;

import static dev.gridcommerce.domain.fixtures.OrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.domain.order.Order;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.grid.testing.ConfirmedWrites;
import dev.gridcommerce.grid.testing.GridNodeProcess;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three grid-node processes, as bin/cluster runs them; one is killed with SIGKILL while a client
 * writes orders. After the other two stop gracefully (SIGTERM), every write the client saw
 * acknowledged is in PostgreSQL: the dead node's write-behind queues lived on in its backups.
 */
class GridNodeKillTest {

  private static final int BASE_PORT = 6701;

  private TestDatabase db;
  private final List<GridNodeProcess> nodes = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create();
  }

  @AfterEach
  void stopAll() {
    nodes.forEach(GridNodeProcess::close);
    db.close();
  }

  @Test
  void killingOneGridNodeLosesNoAcknowledgedWrite() throws Exception {
    String cluster = "kill-test-" + UUID.randomUUID();
    Path config = GridNodeProcess.configFor(cluster, BASE_PORT, 3);
    for (int i = 0; i < 3; i++) {
      nodes.add(GridNodeProcess.start(config, db.settings(), 3));
    }
    for (GridNodeProcess node : nodes) {
      node.awaitReady(Duration.ofMinutes(2));
    }

    ClientConfig clientConfig = GridConfigs.client();
    clientConfig.setInstanceName(null);
    clientConfig.setClusterName(cluster);
    clientConfig
        .getNetworkConfig()
        .setAddresses(List.of("127.0.0.1:6701", "127.0.0.1:6702", "127.0.0.1:6703"));
    HazelcastInstance client = HazelcastClient.newHazelcastClient(clientConfig);
    List<String> acknowledged = new ArrayList<>();
    try {
      GridMaps maps = new GridMaps(client);
      for (int i = 0; i < 300; i++) {
        if (i == 150) {
          nodes.get(1).kill();
        }
        Order order = anOrder().id("order-" + i).shopper("shopper-" + (i % 13)).build();
        ConfirmedWrites.set(maps.orders(), order.id(), order);
        acknowledged.add(order.id());
      }
    } finally {
      client.shutdown();
    }
    nodes.get(0).stop();
    nodes.get(2).stop();

    List<String> stored = db.database().jdbc().queryForList("SELECT id FROM orders", String.class);
    assertThat(stored).as(nodes.get(2).log()).containsExactlyInAnyOrderElementsOf(acknowledged);
  }
}
