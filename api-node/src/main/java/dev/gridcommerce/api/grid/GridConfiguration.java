package dev.gridcommerce.api.grid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.grid.GridMember;
import dev.gridcommerce.grid.support.GridClock;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The grid connection: a client of the grid-node processes, or in embedded mode a member of this
 * JVM. Spring shuts it down after the web server has stopped taking requests; a member's shutdown
 * is graceful, so its write-behind queues reach PostgreSQL first. Each capability's configuration
 * builds its door on this connection.
 */
@Configuration(proxyBeanMethods = false)
class GridConfiguration {

  @Bean(destroyMethod = "shutdown")
  HazelcastInstance hazelcast(
      GridSettings settings, ObjectProvider<EmbeddedMemberCustomizer> customizers) {
    return switch (settings.mode()) {
      case EMBEDDED -> {
        Config config = GridConfigs.member();
        config.setClusterName(settings.embeddedClusterName());
        // Spring closes the member in order, after the web server; no JVM hook of its own.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        yield GridMember.start(config);
      }
      case CLIENT -> {
        ClientConfig config = GridConfigs.client();
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        if (!settings.members().isEmpty()) {
          config.getNetworkConfig().setAddresses(settings.members());
        }
        if (!settings.clusterName().isEmpty()) {
          config.setClusterName(settings.clusterName());
        }
        // one API node per process in production; tests run a few in one JVM
        for (int n = 2;
            HazelcastClient.getHazelcastClientByName(config.getInstanceName()) != null;
            n++) {
          config.setInstanceName(config.getInstanceName().replaceFirst("-\\d+$", "") + "-" + n);
        }
        yield HazelcastClient.newHazelcastClient(config);
      }
    };
  }

  @Bean
  Clock clock() {
    return GridClock.system();
  }

  @Bean
  GridHealthIndicator gridHealthIndicator(HazelcastInstance hazelcast) {
    return new GridHealthIndicator(hazelcast);
  }
}
