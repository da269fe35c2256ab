package dev.gridcommerce.grid.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.gridcommerce.grid.GridConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The grid's configuration in Kubernetes is config/hazelcast-grid.yaml (inside the image) with the
 * environment of the StatefulSet in config/kubernetes/grid-node.yaml: a JVM started with exactly
 * that environment loads it through Hazelcast's own loader (GridConfigs.member, with its HZ_*
 * overrides) and joins through Kubernetes discovery of the headless service, with the loopback
 * member list and interface off, a majority of the replicas protecting stock, and every map the
 * loopback cluster has.
 */
class KubernetesGridConfigTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Run in a JVM of its own with the manifest's environment: prints what the member would use. */
  public static final class Probe {
    public static void main(String[] args) {
      Config config = GridConfigs.member();
      JoinConfig join = config.getNetworkConfig().getJoin();
      System.out.println("kubernetes=" + join.getKubernetesConfig().isEnabled());
      System.out.println("service-dns=" + join.getKubernetesConfig().getProperty("service-dns"));
      System.out.println("tcp-ip=" + join.getTcpIpConfig().isEnabled());
      System.out.println("multicast=" + join.getMulticastConfig().isEnabled());
      System.out.println("interfaces=" + config.getNetworkConfig().getInterfaces().isEnabled());
      System.out.println(
          "majority="
              + config
                  .getSplitBrainProtectionConfig(GridConfigs.STOCK_MAJORITY)
                  .getMinimumClusterSize());
      System.out.println("maps=" + config.getMapConfigs().size());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statefulSet() throws IOException {
    for (Object document :
        new Yaml().loadAll(Files.readString(ROOT.resolve("config/kubernetes/grid-node.yaml")))) {
      Map<String, Object> object = (Map<String, Object>) document;
      if ("StatefulSet".equals(object.get("kind"))) {
        return object;
      }
    }
    throw new AssertionError("no StatefulSet in config/kubernetes/grid-node.yaml");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> plainEnvironment(Map<String, Object> statefulSet) {
    Map<String, Object> spec = (Map<String, Object>) statefulSet.get("spec");
    Map<String, Object> pod =
        (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
      if (variable.get("value") != null) {
        env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
      }
    }
    return env;
  }

  private static Map<String, String> probe(Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("@" + ROOT.resolve("config/hazelcast.jvmopts"));
    command.add("-Dhazelcast.config=" + ROOT.resolve("config/hazelcast-grid.yaml"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Probe.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("HZ_"));
    builder.environment().keySet().removeIf(name -> name.startsWith("COMMERCE_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Map<String, String> answers = new LinkedHashMap<>();
    output
        .lines()
        .filter(line -> line.matches("[a-z-]+=.*"))
        .forEach(line -> answers.put(line.split("=", 2)[0], line.split("=", 2)[1]));
    return answers;
  }

  @Test
  void theStatefulSetsEnvironmentMakesMembersFindEachOtherThroughTheHeadlessService()
      throws Exception {
    Map<String, Object> statefulSet = statefulSet();
    Map<String, String> env = plainEnvironment(statefulSet);
    int replicas = (Integer) ((Map<?, ?>) statefulSet.get("spec")).get("replicas");

    Map<String, String> inKubernetes = probe(env);
    Map<String, String> onLoopback = probe(Map.of());

    assertThat(inKubernetes)
        .containsEntry("kubernetes", "true")
        .containsEntry("service-dns", "commerce-grid.commerce.svc.cluster.local")
        .containsEntry("tcp-ip", "false")
        .containsEntry("multicast", "false")
        .containsEntry("interfaces", "false")
        .containsEntry("majority", String.valueOf(replicas / 2 + 1))
        .containsEntry("maps", onLoopback.get("maps"));
    assertThat(onLoopback)
        .as("the same file without the manifest's environment is bin/cluster's")
        .containsEntry("kubernetes", "false")
        .containsEntry("tcp-ip", "true");
  }
}
