package dev.gridcommerce.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), listening on
 * loopback: {@code KAFKA_PORT} (9092) for clients, {@code KAFKA_CONTROLLER_PORT} (9093) for its
 * controller, data in {@code KAFKA_DATA} ({@code kafka-data}), formatted on the first start (by
 * Kafka's own storage tool, in a child process). Topics are created on first use, one partition
 * unless {@code KAFKA_PARTITIONS} says more.
 */
public final class LocalKafka {

  private LocalKafka() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092"));
    int controller = Integer.parseInt(env.getOrDefault("KAFKA_CONTROLLER_PORT", "9093"));
    Path data = Path.of(env.getOrDefault("KAFKA_DATA", "kafka-data")).toAbsolutePath();
    String partitions = env.getOrDefault("KAFKA_PARTITIONS", "1");
    Files.createDirectories(data);
    Path properties = data.resolve("server.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controller,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + data.resolve("logs"),
            "num.partitions=" + partitions,
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            ""));
    if (!Files.exists(data.resolve("logs").resolve("meta.properties"))) {
      format(properties);
    }
    System.out.printf("Local Kafka starting on 127.0.0.1:%d (data in %s)%n", port, data);
    kafka.Kafka.main(new String[] {properties.toString()});
  }

  /** Kafka's storage tool, in a child process (it ends its JVM when done). */
  private static void format(Path properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "kafka.tools.StorageTool",
            "format",
            // one argument: a random id may start with '-', which the tool would take for an option
            "--cluster-id=" + clusterId(),
            "-c",
            properties.toString()));
    Process tool = new ProcessBuilder(command).inheritIO().start();
    if (tool.waitFor() != 0) {
      throw new IllegalStateException("formatting Kafka's data folder failed");
    }
  }

  /** A cluster id as Kafka wants it: 16 random bytes, base64url without padding. */
  private static String clusterId() {
    UUID uuid = UUID.randomUUID();
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }
}
