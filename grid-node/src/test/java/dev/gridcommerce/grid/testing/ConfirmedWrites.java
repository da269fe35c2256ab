package dev.gridcommerce.grid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.IMap;

/**
 * Writes as a careful caller does while members die: a write the grid answers as unconfirmed (its
 * backup or its primary was on a member that died) is not acknowledged, and is sent again until it
 * is. Sets of whole values are idempotent, so sending one again is safe.
 */
public final class ConfirmedWrites {

  private static final int MAX_ATTEMPTS = 10;

  private ConfirmedWrites() {}

  public static <K, V> void set(IMap<K, V> map, K key, V value) {
    for (int attempt = 1; ; attempt++) {
      try {
        map.set(key, value);
        return;
      } catch (IndeterminateOperationStateException unconfirmed) {
        assertThat(attempt).as("attempts to write %s", key).isLessThan(MAX_ATTEMPTS);
      }
    }
  }
}
