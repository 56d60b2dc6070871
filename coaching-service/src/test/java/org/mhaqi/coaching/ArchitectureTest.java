package org.mhaqi.coaching;

import org.mhaqi.testing.ServiceArchitectureTest;

/** coaching-service's structure checks itself ({@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

  ArchitectureTest() {
    super(CoachingServiceApplication.class, "coaching-service");
  }
}
