package dev.setwise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of design.md §2, held by the build. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.setwise");
  }

  @Test
  void theDomainIsPlainJava() {
    noClasses().that().resideInAPackage("dev.setwise.domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..", "io.javalin..",
            "org.eclipse.jetty..", "java.net.http..", "org.sqlite..", "org.flywaydb..",
            "dev.setwise.store..", "dev.setwise.service..", "dev.setwise.json..", "dev.setwise.api..",
            "dev.setwise.ui..", "dev.setwise.cli..", "dev.setwise.sync..")
        .check(classes);
  }

  @Test
  void servicesNeverTouchTheUiOrTheFaces() {
    noClasses().that().resideInAPackage("dev.setwise.service..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "dev.setwise.ui..", "dev.setwise.cli..", "dev.setwise.api..", "io.javalin..")
        .check(classes);
  }

  @Test
  void theFacesTalkToServicesOnlyNeverToTheStoreOrJdbc() {
    noClasses().that().resideInAnyPackage("dev.setwise.ui..", "dev.setwise.cli..", "dev.setwise.api..",
            "dev.setwise.sync..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.setwise.store..", "java.sql..", "javax.sql..",
            "org.sqlite..", "org.flywaydb..")
        .check(classes);
  }

  @Test
  void onlyServicesAndTheCompositionRootUseTheStore() {
    noClasses().that().resideOutsideOfPackages("dev.setwise.store..", "dev.setwise.service..")
        .and().doNotHaveFullyQualifiedName(AppContext.class.getName())
        .should().dependOnClassesThat().resideInAPackage("dev.setwise.store..")
        .check(classes);
  }

  @Test
  void theStoreAndJsonNeverReachUp() {
    noClasses().that().resideInAnyPackage("dev.setwise.store..", "dev.setwise.json..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.setwise.service..",
            "dev.setwise.ui..", "dev.setwise.cli..", "dev.setwise.api..", "dev.setwise.sync..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.setwise.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void thereIsNoMutableStaticState() {
    fields().that().areStatic().should().beFinal()
        .because("static state makes tests and several windows or servers in one JVM interfere")
        .check(classes);
  }

  @Test
  void onlyTheCompositionRootConstructsServices() {
    DescribedPredicate<JavaConstructorCall> serviceConstructor = new DescribedPredicate<>("a service constructor") {
      @Override
      public boolean test(JavaConstructorCall call) {
        String owner = call.getTargetOwner().getName();
        return owner.startsWith("dev.setwise.service.")
            && (owner.endsWith("Service") || owner.endsWith(".AuditLog"));
      }
    };
    noClasses().that().doNotHaveFullyQualifiedName(AppContext.class.getName())
        .should().callConstructorWhere(serviceConstructor)
        .check(classes);
  }
}
