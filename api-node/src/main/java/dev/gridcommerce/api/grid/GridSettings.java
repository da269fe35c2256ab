package dev.gridcommerce.api.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this API node reaches the grid.
 *
 * @param mode {@code client} to connect to grid-node processes, {@code embedded} to start a member
 *     in this JVM
 * @param embeddedClusterName cluster name of the embedded member
 */
@ConfigurationProperties("commerce.grid")
public record GridSettings(Mode mode, String embeddedClusterName) {

  public enum Mode {
    CLIENT,
    EMBEDDED
  }

  public GridSettings {
    mode = mode == null ? Mode.CLIENT : mode;
    embeddedClusterName = embeddedClusterName == null ? "commerce-demo" : embeddedClusterName;
  }
}
