package org.mhaqi.evaluation;

import org.mhaqi.testing.ServiceArchitectureTest;

/** evaluation-service's structure checks itself ({@link ServiceArchitectureTest}). */
class ArchitectureTest extends ServiceArchitectureTest {

  ArchitectureTest() {
    super(EvaluationServiceApplication.class, "evaluation-service");
  }
}
