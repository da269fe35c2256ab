package dev.gridcommerce.api.grid;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this API node reaches the grid.
 *
 * @param mode {@code client} to connect to grid-node processes, {@code embedded} to start a member
 *     in this JVM
 * @param embeddedClusterName cluster name of the embedded member
 * @param members in client mode, the grid members to connect to ({@code host:port}); empty keeps
 *     the list of {@code config/hazelcast-client.yaml} ({@code COMMERCE_GRID_MEMBERS=a:5701,b:5701}
 *     overrides it)
 * @param clusterName in client mode, the name of the cluster to join; empty keeps the one of {@code
 *     config/hazelcast-client.yaml}
 */
@ConfigurationProperties("commerce.grid")
public record GridSettings(
    Mode mode, String embeddedClusterName, List<String> members, String clusterName) {

  public enum Mode {
    CLIENT,
    EMBEDDED
  }

  public GridSettings {
    mode = mode == null ? Mode.CLIENT : mode;
    embeddedClusterName = embeddedClusterName == null ? "commerce-demo" : embeddedClusterName;
    members = members == null ? List.of() : members.stream().map(String::strip).toList();
    clusterName = clusterName == null ? "" : clusterName.strip();
  }
}
