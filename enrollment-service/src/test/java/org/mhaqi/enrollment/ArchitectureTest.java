package org.mhaqi.enrollment;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * enrollment-service's structure checks itself: its feature packages depend on each other without
 * cycles, it uses no other service's code (services share only event-contracts and service-support,
 * and talk through Kafka), and the package diagram in docs/architecture/ is drawn from the code.
 */
class ArchitectureTest {

  private static final String SERVICE = "org.mhaqi.enrollment";

  /** The service's main code: tests may use test-support and fixtures of other packages. */
  private static final JavaClasses MAIN_CODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(SERVICE);

  /** Where the diagram goes: docs/architecture/enrollment-service/ at the top of the repository. */
  private static final Path DIAGRAMS = Path.of("..", "docs", "architecture", "enrollment-service");

  @Test
  void featurePackagesDependOnEachOtherWithoutCycles() {
    slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles().check(MAIN_CODE);
  }

  @Test
  void packagesInsideAFeatureDependOnEachOtherWithoutCycles() {
    slices().matching(SERVICE + ".(**)").should().beFreeOfCycles().check(MAIN_CODE);
  }

  @Test
  void usesNoOtherServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.mhaqi..")
                .and(
                    not(
                        resideInAnyPackage(
                            SERVICE + "..", "org.mhaqi.events..", "org.mhaqi.support.."))))
        .because(
            "services share only event-contracts (org.mhaqi.events) and service-support"
                + " (org.mhaqi.support) and talk to each other through Kafka")
        .check(MAIN_CODE);
  }

  @Test
  void noOtherServiceIsOnTheClasspath() {
    assertThat(new ClassFileImporter().importPackages("org.mhaqi.coaching", "org.mhaqi.evaluation"))
        .as("another service's classes on enrollment-service's classpath")
        .isEmpty();
  }

  /**
   * Rewrites the diagram from the code. CI works on a fresh clone, so there a diagram that changed
   * fails the build: the committed one must be the code's.
   */
  @Test
  void drawsTheFeaturePackagesIntoTheDocs() throws IOException {
    Path diagram = DIAGRAMS.resolve("components.puml");
    String committed = Files.exists(diagram) ? Files.readString(diagram) : "";
    ApplicationModules modules = ApplicationModules.of(EnrollmentServiceApplication.class);

    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
        .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));

    String drawn = Files.readString(diagram);
    assertThat(drawn).contains(modules.stream().map(m -> m.getDisplayName()).toList());
    if (sortedLines(drawn).equals(sortedLines(committed))) {
      // The Documenter lists the relations in no fixed order: the same diagram stays as committed.
      Files.writeString(diagram, committed);
    } else if (System.getenv("CI") != null) {
      assertThat(drawn)
          .as("%s is out of date: run this test and commit it", diagram)
          .isEqualTo(committed);
    }
  }

  private static List<String> sortedLines(String text) {
    return text.lines().sorted().toList();
  }
}
