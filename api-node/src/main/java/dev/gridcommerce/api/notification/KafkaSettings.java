package dev.gridcommerce.api.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Order events on Kafka: when {@code bootstrap} ({@code COMMERCE_KAFKA_BOOTSTRAP}, host:port,...)
 * is set, every order event is published to {@code topic}, keyed by order id.
 */
@ConfigurationProperties("commerce.kafka")
public record KafkaSettings(String bootstrap, String topic) {

  public KafkaSettings {
    topic = topic == null || topic.isBlank() ? "commerce.order-events" : topic.strip();
  }

  boolean configured() {
    return bootstrap != null && !bootstrap.isBlank();
  }
}
