package dev.gridcommerce.grid;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The member's metrics, in Micrometer's global registry: per persisted map, the entries waiting in
 * the cluster's members as this member sees them ({@code commerce.grid.members}), whether every
 * partition has its backups ({@code commerce.grid.safe}: 0 while partitions migrate), the
 * partitions this member owns ({@code commerce.grid.partitions.owned}), this member's write-behind
 * queues ({@code commerce.grid.writebehind.queue}) and the entries it owns ({@code
 * commerce.grid.entries}); the MapStores add their own (dead letters). A grid-node process serves
 * them for Prometheus at {@code http://<host>:<member port + 2000>/metrics}; in the one-JVM demo
 * they appear in the API node's {@code /actuator/prometheus}.
 */
public final class GridMetrics {

  private static final Logger log = LoggerFactory.getLogger(GridMetrics.class);
  static final int PORT_OFFSET = 2000;

  private GridMetrics() {}

  public static void register(HazelcastInstance member) {
    Gauge.builder("commerce.grid.members", member, m -> m.getCluster().getMembers().size())
        .description("members of the cluster, as this member sees it")
        .register(Metrics.globalRegistry);
    Gauge.builder(
            "commerce.grid.safe", member, m -> m.getPartitionService().isClusterSafe() ? 1 : 0)
        .description("1 when every partition has its backups in place (no migration running)")
        .register(Metrics.globalRegistry);
    Gauge.builder(
            "commerce.grid.partitions.owned",
            member,
            m ->
                m.getPartitionService().getPartitions().stream()
                    .filter(p -> m.getCluster().getLocalMember().equals(p.getOwner()))
                    .count())
        .description("partitions this member owns (0 until it has its share after joining)")
        .register(Metrics.globalRegistry);
    for (MapConfig map : member.getConfig().getMapConfigs().values()) {
      if (!map.getMapStoreConfig().isEnabled() || map.getName().contains("*")) {
        continue;
      }
      String name = map.getName();
      Gauge.builder(
              "commerce.grid.writebehind.queue",
              member,
              m -> m.getMap(name).getLocalMapStats().getDirtyEntryCount())
          .tag("map", name)
          .description("entries of this member waiting to be written to PostgreSQL")
          .register(Metrics.globalRegistry);
      Gauge.builder(
              "commerce.grid.entries",
              member,
              m -> m.getMap(name).getLocalMapStats().getOwnedEntryCount())
          .tag("map", name)
          .description("entries this member owns")
          .register(Metrics.globalRegistry);
    }
  }

  /**
   * Serves the global registry in Prometheus' text format next to the member's port, with the
   * member's health for Kubernetes' probes: {@code /health/live} answers 200 while the member runs,
   * {@code /health/ready} 200 only while every partition of the cluster has its backups (503 during
   * migrations), so a rolling update takes the next member only once the grid is safe again.
   */
  public static HttpServer serve(HazelcastInstance member) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.addRegistry(prometheus);
    int port = member.getCluster().getLocalMember().getAddress().getPort() + PORT_OFFSET;
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext(
          "/metrics",
          exchange ->
              respond(
                  exchange, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape()));
      server.createContext(
          "/health/live", exchange -> health(exchange, member.getLifecycleService().isRunning()));
      server.createContext(
          "/health/ready",
          exchange ->
              health(
                  exchange,
                  member.getLifecycleService().isRunning()
                      && member.getPartitionService().isClusterSafe()));
      server.start();
      log.info("Metrics for Prometheus at http://localhost:{}/metrics", port);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("can't serve metrics on port " + port, e);
    }
  }

  private static void health(HttpExchange exchange, boolean up) throws IOException {
    respond(
        exchange,
        up ? 200 : 503,
        "application/json",
        "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}");
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
