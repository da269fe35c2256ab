package dev.gridcommerce.api.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.grid.EmbeddedMemberCustomizer;
import dev.gridcommerce.grid.support.GridMaps;
import dev.gridcommerce.persistence.Database;
import dev.gridcommerce.persistence.testing.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The one-JVM mode under test: the whole API node on a random port with an embedded grid member
 * that persists to a PostgreSQL database of its own (dropped when the context closes), seeded with
 * the demo catalog.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "commerce.grid.mode=embedded",
      "commerce.demo.seed=true",
      "commerce.security.jwt-secret=test-secret-test-secret-test-secret-!!",
      // tests sign up hundreds of shoppers from one address: RateLimitHttpTest sets real limits
      "commerce.rate-limits.enabled=false"
    })
@Import(EmbeddedGridTest.Grid.class)
public @interface EmbeddedGridTest {

  @TestConfiguration(proxyBeanMethods = false)
  class Grid {

    @Bean(destroyMethod = "close")
    TestDatabase testDatabase() {
      return TestDatabase.create();
    }

    /** The grid's maps, for tests that check what a request left in them. */
    @Bean
    GridMaps gridMaps(HazelcastInstance grid) {
      return new GridMaps(grid);
    }

    /** Own database, own cluster name, and no search for other members on the network. */
    @Bean
    EmbeddedMemberCustomizer testMember(TestDatabase db) {
      return config -> {
        config.setClusterName("api-test-" + java.util.UUID.randomUUID());
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getUserContext().put(Database.USER_CONTEXT_KEY, db.database());
      };
    }
  }
}
