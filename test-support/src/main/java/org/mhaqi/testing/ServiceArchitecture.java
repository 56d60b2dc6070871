package org.mhaqi.testing;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The structure every service keeps, checked by its {@code ArchitectureTest}: feature packages that
 * depend on each other without cycles, no use of another service's code (services share only
 * event-contracts and service-support and talk through Kafka), and the package diagram in
 * docs/architecture/ drawn from the code.
 */
public final class ServiceArchitecture {

  /** The root package of every service of the platform. */
  static final List<String> SERVICES =
      List.of(
          "org.mhaqi.enrollment",
          "org.mhaqi.coaching",
          "org.mhaqi.evaluation",
          "org.mhaqi.notification");

  private final Class<?> application;
  private final String rootPackage;
  private final String serviceName;
  private final JavaClasses mainCode;

  /**
   * @param application the service's {@code @SpringBootApplication}, in its root package
   * @param serviceName its module's name, e.g. coaching-service
   */
  public ServiceArchitecture(Class<?> application, String serviceName) {
    this.application = application;
    this.rootPackage = application.getPackageName();
    this.serviceName = serviceName;
    // Main code only: tests may use test-support and fixtures of other packages.
    this.mainCode =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(rootPackage);
  }

  public void featurePackagesDependOnEachOtherWithoutCycles() {
    slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(mainCode);
  }

  public void packagesAtAnyDepthDependOnEachOtherWithoutCycles() {
    slices().matching(rootPackage + ".(**)").should().beFreeOfCycles().check(mainCode);
  }

  public void usesNoOtherServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.mhaqi..")
                .and(
                    not(
                        resideInAnyPackage(
                            rootPackage + "..", "org.mhaqi.events..", "org.mhaqi.support.."))))
        .because(
            "services share only event-contracts (org.mhaqi.events) and service-support"
                + " (org.mhaqi.support) and talk to each other through Kafka")
        .check(mainCode);
  }

  /**
   * Service-to-service traffic is Kafka only: no HTTP client in a service's code, so no service can
   * call another's API (or anything else over HTTP) behind the events' back.
   */
  public void callsNoHttpApis() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(
                "java.net.http..",
                "org.springframework.web.client..",
                "org.springframework.web.reactive.function.client..",
                "org.springframework.web.service.invoker.."))
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.HttpURLConnection")
        .because("services learn about each other only from Kafka events")
        .check(mainCode);
  }

  public void hasNoOtherServiceOnItsClasspath() {
    String[] others = SERVICES.stream().filter(p -> !p.equals(rootPackage)).toArray(String[]::new);
    assertThat(new ClassFileImporter().importPackages(others))
        .as("another service's classes on %s's classpath", serviceName)
        .isEmpty();
  }

  /**
   * Rewrites docs/architecture/{service}/components.puml from the code (run from the service's
   * module directory). CI works on a fresh clone, so there (environment variable CI set) a diagram
   * that changed fails: the committed one must be the code's.
   */
  public void drawsItsFeaturePackagesIntoTheDocs() {
    Path folder = Path.of("..", "docs", "architecture", serviceName);
    Path diagram = folder.resolve("components.puml");
    try {
      String committed = Files.exists(diagram) ? Files.readString(diagram) : "";
      ApplicationModules modules = ApplicationModules.of(application);
      new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
          .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
      String drawn = Files.readString(diagram);
      assertThat(drawn).contains(modules.stream().map(ApplicationModule::getDisplayName).toList());
      if (sortedLines(drawn).equals(sortedLines(committed))) {
        // The Documenter lists relations in no fixed order: the same diagram stays as committed.
        Files.writeString(diagram, committed);
      } else if (System.getenv("CI") != null) {
        assertThat(drawn)
            .as("%s is out of date: run this test and commit it", diagram)
            .isEqualTo(committed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> sortedLines(String text) {
    return text.lines().sorted().toList();
  }
}
