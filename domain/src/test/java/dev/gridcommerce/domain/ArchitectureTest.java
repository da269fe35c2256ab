package dev.gridcommerce.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "dev.gridcommerce.domain",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
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
}
