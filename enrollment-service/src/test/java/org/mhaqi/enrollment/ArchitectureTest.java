package org.mhaqi.enrollment;

import org.mhaqi.testing.ServiceArchitectureTest;

/** enrollment-service's structure checks itself ({@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

  ArchitectureTest() {
    super(EnrollmentServiceApplication.class, "enrollment-service");
  }
}
