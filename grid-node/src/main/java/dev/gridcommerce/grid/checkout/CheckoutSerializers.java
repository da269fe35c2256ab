package dev.gridcommerce.grid.checkout;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.List;

/** The Compact serializers of checkout attempts under idempotency keys. */
final class CheckoutSerializers {

  private CheckoutSerializers() {}

  static List<CompactSerializer<?>> all() {
    return List.of(
        new CheckoutAttemptSerializers.Serializer(),
        new CheckoutAttemptSerializers.ShortLineSerializer(),
        new BeginAttemptProcessor.Serializer(),
        new AttemptStart.Serializer(),
        new SettleAttemptProcessor.Serializer());
  }
}
