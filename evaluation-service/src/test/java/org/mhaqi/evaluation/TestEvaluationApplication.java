package org.mhaqi.evaluation;

import org.mhaqi.testing.LocalInfrastructure;
import org.springframework.boot.SpringApplication;

/**
 * evaluation-service from its tests, against the local Kafka and PostgreSQL of `./platform`, for an
 * edit-run loop: `./mvnw -pl evaluation-service spring-boot:test-run` (README, "Developing one
 * service").
 */
public class TestEvaluationApplication {

  public static void main(String[] args) {
    SpringApplication.from(EvaluationServiceApplication::main)
        .with(LocalInfrastructure.class)
        .run(args);
  }
}
