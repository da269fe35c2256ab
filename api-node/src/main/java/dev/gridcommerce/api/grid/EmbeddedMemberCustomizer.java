package dev.gridcommerce.api.grid;

import com.hazelcast.config.Config;

/** Adjusts the embedded member's configuration before it starts (embedded mode only). */
@FunctionalInterface
public interface EmbeddedMemberCustomizer {

  void customize(Config config);
}
