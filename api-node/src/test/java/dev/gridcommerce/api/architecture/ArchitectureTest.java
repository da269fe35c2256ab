package dev.gridcommerce.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.EntryProcessor;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.gridcommerce.grid.support.GridMaps;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of the code (ARCHITECTURE.md, "The shape of a capability"), checked over every module's
 * production classes on this classpath (domain, demo data, grid node, persistence, search index,
 * API node). Each rule is also shown to fail on a class of {@code broken} that breaks it, so no
 * rule passes by matching nothing.
 */
class ArchitectureTest {

  private static final ImportOption NO_TEST_CODE =
      location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter().withImportOption(NO_TEST_CODE).importPackages("dev.gridcommerce");

  private static final JavaClasses BROKEN =
      new ClassFileImporter().importPackages("dev.gridcommerce.api.architecture.broken");

  static final ArchRule controllersCallCapabilitiesNeverTheGrid =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.hazelcast..")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(GridMaps.class)
          .because("a controller maps HTTP to a capability's use case and its result to HTTP");

  static final ArchRule onlyTheGridWiringTouchesHazelcastOnApiNodes =
      noClasses()
          .that()
          .resideInAPackage("dev.gridcommerce.api..")
          .and()
          .resideOutsideOfPackages("dev.gridcommerce.api.grid..", "dev.gridcommerce.api.web..")
          .and()
          .haveSimpleNameNotEndingWith("Configuration")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.hazelcast..")
          .because(
              "API nodes reach the grid through the capabilities' doors, which the per-capability"
                  + " configurations build");

  static final ArchRule onlyTheGridNodeUsesItsMaps =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.gridcommerce.grid..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(GridMaps.class)
          .because("each capability's door is the only way to its maps");

  static final ArchRule noPackageCycles =
      slices()
          .matching("dev.gridcommerce.(**)")
          .should()
          .beFreeOfCycles()
          .because("a capability depends on those below it, never the other way round");

  static final ArchRule processorsStayInsideTheirCapability =
      classes()
          .that()
          .implement(EntryProcessor.class)
          .should()
          .notBePublic()
          .because("only its capability builds a processor, behind the capability's door");

  @Test
  void theRulesSeeEveryModule() {
    assertThat(PRODUCTION.contain("dev.gridcommerce.domain.order.Order")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.demo.DemoCatalog")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.grid.order.Orders")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.persistence.order.OrderMapStore")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.search.CatalogIndex")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.api.order.OrderController")).isTrue();
    assertThat(PRODUCTION.contain("dev.gridcommerce.api.architecture.broken.BrokenController"))
        .isFalse();
  }

  @Test
  void controllersCallCapabilitiesAndNeverReachIntoTheGrid() {
    controllersCallCapabilitiesNeverTheGrid.check(PRODUCTION);
    assertThatThrownBy(() -> controllersCallCapabilitiesNeverTheGrid.check(BROKEN))
        .hasMessageContaining("BrokenController")
        .hasMessageContaining("IMap");
  }

  @Test
  void onlyTheGridWiringAndTheErrorAnswersOfApiNodesKnowHazelcast() {
    onlyTheGridWiringTouchesHazelcastOnApiNodes.check(PRODUCTION);
    assertThatThrownBy(() -> onlyTheGridWiringTouchesHazelcastOnApiNodes.check(BROKEN))
        .hasMessageContaining("BrokenController");
  }

  @Test
  void onlyTheGridNodeUsesTheGridsMaps() {
    onlyTheGridNodeUsesItsMaps.check(PRODUCTION);
    assertThatThrownBy(() -> onlyTheGridNodeUsesItsMaps.check(BROKEN))
        .hasMessageContaining("BrokenController")
        .hasMessageContaining("GridMaps");
  }

  @Test
  void noModuleHasAPackageCycle() {
    noPackageCycles.check(PRODUCTION);
    assertThatThrownBy(() -> noPackageCycles.check(BROKEN))
        .hasMessageContaining("Upstream")
        .hasMessageContaining("Downstream");
  }

  @Test
  void entryProcessorsArePackagePrivate() {
    processorsStayInsideTheirCapability.check(PRODUCTION);
    assertThatThrownBy(() -> processorsStayInsideTheirCapability.check(BROKEN))
        .hasMessageContaining("PublicProcessor");
  }
}
