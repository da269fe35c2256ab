package dev.gridcommerce.api.testing;

import com.hazelcast.core.HazelcastInstance;
import dev.gridcommerce.api.ApiNodeApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A second API node in client mode, on a random port, joined to the test's embedded grid. */
public final class SecondApiNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private SecondApiNode(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts it against {@code grid}'s member, with any further {@code --name=value} settings. */
  public static SecondApiNode start(HazelcastInstance grid, String... settings) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--commerce.grid.mode=client");
    args.add(
        "--commerce.grid.members=127.0.0.1:"
            + grid.getCluster().getLocalMember().getAddress().getPort());
    args.add("--commerce.grid.cluster-name=" + grid.getConfig().getClusterName());
    args.add("--commerce.security.jwt-secret=test-secret-test-secret-test-secret-!!");
    if (List.of(settings).stream().noneMatch(s -> s.startsWith("--commerce.rate-limits"))) {
      args.add("--commerce.rate-limits.enabled=false"); // as the first node of the tests
    }
    args.addAll(List.of(settings));
    return new SecondApiNode(
        new SpringApplicationBuilder(ApiNodeApplication.class).run(args.toArray(String[]::new)));
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Override
  public void close() {
    context.close();
  }
}
