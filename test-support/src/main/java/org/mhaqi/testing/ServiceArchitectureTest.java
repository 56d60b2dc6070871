package org.mhaqi.testing;

import org.junit.jupiter.api.Test;

/**
 * The architecture checks every service runs ({@link ServiceArchitecture}): a service's {@code
 * ArchitectureTest} extends this and names its application class and module.
 */
public abstract class ServiceArchitectureTest {

  private final ServiceArchitecture architecture;

  protected ServiceArchitectureTest(Class<?> application, String serviceName) {
    this.architecture = new ServiceArchitecture(application, serviceName);
  }

  @Test
  void featurePackagesDependOnEachOtherWithoutCycles() {
    architecture.featurePackagesDependOnEachOtherWithoutCycles();
  }

  @Test
  void packagesInsideAFeatureDependOnEachOtherWithoutCycles() {
    architecture.packagesAtAnyDepthDependOnEachOtherWithoutCycles();
  }

  @Test
  void usesNoOtherServicesCode() {
    architecture.usesNoOtherServicesCode();
  }

  @Test
  void callsNoHttpApis() {
    architecture.callsNoHttpApis();
  }

  @Test
  void noOtherServiceIsOnTheClasspath() {
    architecture.hasNoOtherServiceOnItsClasspath();
  }

  @Test
  void drawsTheFeaturePackagesIntoTheDocs() {
    architecture.drawsItsFeaturePackagesIntoTheDocs();
  }
}
