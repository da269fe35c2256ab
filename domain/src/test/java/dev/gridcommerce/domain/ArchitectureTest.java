package dev.gridcommerce.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java; shown to fail on a class of {@code broken} that isn't. */
class ArchitectureTest {

  static final ArchRule domainStaysFreeOfFrameworks =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.hazelcast..",
              "org.springframework..",
              "java.sql..",
              "javax.sql..",
              "org.apache.lucene..",
              "com.stripe..",
              "io.jsonwebtoken..")
          .because("the domain is plain Java; adapters live in the other modules");

  @Test
  void theDomainDependsOnNoFrameworkNorOnJdbc() {
    JavaClasses domain =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gridcommerce.domain");
    domainStaysFreeOfFrameworks.check(domain);

    JavaClasses broken =
        new ClassFileImporter().importPackages("dev.gridcommerce.domain.architecture.broken");
    assertThatThrownBy(() -> domainStaysFreeOfFrameworks.check(broken))
        .hasMessageContaining("StockWithAConnection");
  }
}
