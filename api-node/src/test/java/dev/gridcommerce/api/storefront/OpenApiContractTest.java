package dev.gridcommerce.api.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gridcommerce.api.testing.ApiClient;
import dev.gridcommerce.api.testing.EmbeddedGridTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web front end's typed API calls are generated from {@code web/openapi.json}; this keeps that
 * file equal to the OpenAPI document the API serves, so a change of the contract fails the build
 * here, and then the front end's type check shows what the change breaks there.
 */
@EmbeddedGridTest
class OpenApiContractTest {

  private static final Path SNAPSHOT = Path.of("..", "web", "openapi.json");
  private static final Path SERVED = Path.of("target", "openapi.json");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();

  @LocalServerPort int port;

  @Test
  void theFrontEndsCopyOfTheContractIsTheOneTheApiServes() throws Exception {
    ApiClient.Response answer = new ApiClient(port).get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    ObjectNode served = (ObjectNode) answer.body();
    served.remove("servers"); // names this test's random port
    ((ObjectNode) served.get("paths")).remove("/api/v1/test/broken-invariant"); // a test's own

    Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n");
    JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT));
    List<String> differences = new ArrayList<>();
    differ("", snapshot, served, differences);
    assertThat(differences)
        .as(
            "the API's OpenAPI document changed: cp api-node/%s web/openapi.json, then build"
                + " (the web module's type check shows what the front end must change) and note"
                + " the change in the README's changelog",
            SERVED)
        .isEmpty();
  }

  /** Where two documents differ, as JSON pointers (at most 20). */
  private static void differ(String at, JsonNode was, JsonNode is, List<String> differences) {
    if (differences.size() >= 20 || was.equals(is)) {
      return;
    }
    if (was.isObject() && is.isObject()) {
      Set<String> names = new TreeSet<>(was.propertyNames());
      names.addAll(is.propertyNames());
      for (String name : names) {
        String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!was.has(name)) {
          differences.add("added " + here);
        } else if (!is.has(name)) {
          differences.add("removed " + here);
        } else {
          differ(here, was.get(name), is.get(name), differences);
        }
      }
    } else {
      differences.add("changed " + at + ": " + was + " -> " + is);
    }
  }

  @Test
  void theContractDescribesWhatTheShopReliesOn() throws Exception {
    JsonNode schemas = JSON.readTree(Files.readString(SNAPSHOT)).get("components").get("schemas");
    // one name per shape: a cart line and an order line differ, and both are in the contract
    assertThat(schemas.get("CartLine").get("properties").has("sold")).isTrue();
    assertThat(schemas.get("OrderLine").get("properties").has("id")).isTrue();
    assertThat(schemas.get("SearchResponse").get("properties").has("approximate")).isTrue();
  }
}
