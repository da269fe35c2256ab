package dev.gridcommerce.api.notification;

import dev.gridcommerce.api.order.OrderView;
import dev.gridcommerce.domain.order.OrderEvent;
import dev.gridcommerce.grid.order.OrderEventHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each order event to the Kafka topic, keyed by order id (so an order's events share a
 * partition and keep their order), with the event id and type as headers; the handler of the
 * durable {@code kafka} subscriber. The producer is idempotent with {@code acks=all}; each send is
 * waited for, so while the broker is down the same event is tried again (the order-event log is the
 * queue) and nothing is lost or reordered.
 */
final class KafkaPublisher implements OrderEventHandler, AutoCloseable {

  /** How long one send may take before the event is tried again. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<String, String> producer;
  private final String topic;
  private final JsonMapper json;

  KafkaPublisher(KafkaSettings settings, JsonMapper json) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "commerce-order-events");
    this.producer = new KafkaProducer<>(config);
    this.topic = settings.topic();
    this.json = json;
  }

  @Override
  public void handle(OrderEvent event)
      throws ExecutionException, TimeoutException, InterruptedException {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            topic, event.orderId(), json.writeValueAsString(OrderView.Event.of(event)));
    record.headers().add("Commerce-Event-Id", event.id().getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add("Commerce-Event-Type", event.type().name().getBytes(StandardCharsets.UTF_8));
    producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
