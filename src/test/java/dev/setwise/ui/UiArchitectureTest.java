package dev.setwise.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The desktop app's share of design.md §2 and §3, checked on the compiled classes. */
class UiArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Only our own classes are needed: the rules name packages, not the insides of libraries.
    // Resolving every library class from the class path would take most of a minute on 2 cores.
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.setwise");
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  @Test
  void theUiTalksToServicesOnlyNeverToTheStoreOrJdbc() {
    noClasses().that().resideInAPackage("dev.setwise.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.setwise.store..", "java.sql..", "javax.sql..")
        .check(classes);
  }

  @Test
  void viewModelsNeedNoToolkitSoTheyAreTestedWithoutIt() {
    noClasses().that().resideInAPackage("dev.setwise.ui..").and().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
            "atlantafx..", "org.kordamp..")
        .check(classes);
  }

  @Test
  void uiPackagesHaveNoCycles() {
    slices().matching("dev.setwise.ui.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void nothingOutsideTheUiUsesJavaFx() {
    noClasses().that().resideInAnyPackage("dev.setwise.domain..", "dev.setwise.service..", "dev.setwise.store..",
            "dev.setwise.json..", "dev.setwise.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .check(classes);
  }
}
