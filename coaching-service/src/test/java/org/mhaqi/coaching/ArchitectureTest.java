package org.mhaqi.coaching;

import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ServiceArchitecture;

/**
 * coaching-service's structure checks itself ({@link ServiceArchitecture}): feature packages
 * without cycles, no other service's code, and the package diagram in docs/architecture/ drawn from
 * the code.
 */
class ArchitectureTest {

  private final ServiceArchitecture architecture =
      new ServiceArchitecture(CoachingServiceApplication.class, "coaching-service");

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
  void noOtherServiceIsOnTheClasspath() {
    architecture.hasNoOtherServiceOnItsClasspath();
  }

  @Test
  void drawsTheFeaturePackagesIntoTheDocs() {
    architecture.drawsItsFeaturePackagesIntoTheDocs();
  }
}
