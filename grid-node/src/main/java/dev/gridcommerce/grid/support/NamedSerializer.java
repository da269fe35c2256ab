package dev.gridcommerce.grid.support;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.time.Instant;

/**
 * Base of the grid's Compact serializers: each names its type once, with a stable {@code
 * commerce.*} type name that stays the same when the Java class is renamed or moved, so stored data
 * and older clients keep working.
 */
public abstract class NamedSerializer<T> implements CompactSerializer<T> {

  private final String typeName;
  private final Class<T> type;

  protected NamedSerializer(String typeName, Class<T> type) {
    this.typeName = typeName;
    this.type = type;
  }

  @Override
  public final String getTypeName() {
    return typeName;
  }

  @Override
  public final Class<T> getCompactClass() {
    return type;
  }

  /** Instants travel as epoch milliseconds; the grid's clocks tick in milliseconds. */
  protected static long millis(Instant instant) {
    return instant.toEpochMilli();
  }

  protected static Instant instant(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis);
  }
}
