package dev.gridcommerce.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real single-node Kafka broker (KRaft) in a child JVM on free loopback ports, from Kafka's Maven
 * Central jars on the test class path; stopped and started again on the same data.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private final int port = Loopback.freePort();
  private final int controllerPort = Loopback.freePort();
  private final Path data;
  private final Path log;
  private Process process;

  public KafkaBrokerProcess() {
    try {
      this.data = Files.createTempDirectory("kafka-data-");
      this.log = Files.createTempFile("kafka-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker and waits until it takes connections. */
  public KafkaBrokerProcess start() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx512m",
            "-Dlogback.configurationFile=" + root.resolve("config/logback-grid.xml"),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.gridcommerce.kafka.LocalKafka"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KAFKA_PORT", String.valueOf(port));
    builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    builder.environment().put("KAFKA_DATA", data.toString());
    try {
      process = builder.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!listening()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Kafka did not start; its log:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the broker gracefully (its data stays for the next start). */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private boolean listening() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Every record of {@code topic} so far, read from its beginning by a new consumer. */
  public List<ConsumerRecord<String, String>> read(String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      int empty = 0;
      while (empty < 3) { // three quiet polls once the partitions are assigned: read to the end
        var records = consumer.poll(Duration.ofSeconds(1));
        if (records.isEmpty() && !consumer.assignment().isEmpty()) {
          empty++;
        }
        records.forEach(all::add);
      }
    }
    return all;
  }

  @Override
  public void close() {
    stop();
  }
}
