package dev.gridcommerce.grid.testing;

import dev.gridcommerce.grid.GridConfigs;
import dev.gridcommerce.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A grid node in a process of its own, started as {@code bin/cluster} starts one (same main, same
 * configuration file but for the cluster name and ports), so a test can kill it with SIGKILL.
 */
public final class GridNodeProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private GridNodeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * A copy of config/hazelcast-grid.yaml for a cluster of its own on ports from {@code basePort}.
   */
  public static Path configFor(String clusterName, int basePort, int members) throws IOException {
    String yaml;
    try (InputStream in =
        GridConfigs.class.getClassLoader().getResourceAsStream(GridConfigs.MEMBER_FILE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder memberList = new StringBuilder();
    for (int i = 0; i < members; i++) {
      memberList.append("          - 127.0.0.1:").append(basePort + i).append('\n');
    }
    yaml =
        yaml.replace("cluster-name: commerce", "cluster-name: " + clusterName)
            .replace("port: 5701", "port: " + basePort)
            .replaceAll("(?m)^          - 127\\.0\\.0\\.1:570\\d\\n", "")
            .replace("        member-list:\n", "        member-list:\n" + memberList);
    Path file = Files.createTempFile("hazelcast-grid-", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  public static GridNodeProcess start(Path config, DatabaseSettings database, int expectedMembers)
      throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("@" + root.resolve("config/hazelcast.jvmopts"));
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(
        List.of(
            "-Xmx512m",
            "-Dhazelcast.config=" + config,
            "-Dlogback.configurationFile=" + root.resolve("config/logback-grid.xml"),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.gridcommerce.grid.GridMember"));
    Path log = Files.createTempFile("grid-node-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("COMMERCE_DB_URL", database.url());
    builder.environment().put("COMMERCE_DB_USER", database.user());
    builder.environment().put("COMMERCE_DB_PASSWORD", database.password());
    builder.environment().put("COMMERCE_GRID_EXPECTED_MEMBERS", String.valueOf(expectedMembers));
    return new GridNodeProcess(builder.start(), log);
  }

  /** Waits until the node says it is ready; fails with its log when it dies or takes too long. */
  public void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.readString(log).matches("(?s).*Grid member .* ready.*")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("grid node not ready; its log:\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL: the process dies at once, as with {@code kill -9}. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the graceful shutdown bin/cluster stop asks for; waits for the process to exit. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("grid node did not stop within 120 s");
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
